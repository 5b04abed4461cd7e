// The playground's world editor in the browser: turns its forms into world edits
// (./world-edit.ts), keeps the world in localStorage under its own key, and after every
// change mounts the sandbox again on the new world (a new SandboxController, the learner's
// documents and attempt kept). Export downloads the folder as a .zip; open reads one back,
// validated by the scenario loader: a broken file gets a reason and changes nothing.
import { toDom } from '../dom/tree.ts';
import { t, type Lang, type StringKey } from '../i18n/strings.ts';
import { mountSandbox, type Mounted } from '../island/app.ts';
import { draftFromRecord, draftToRecord, startDraft } from '../island/attempt-model.ts';
import { SandboxController, type Restorable } from '../island/controller.ts';
import { patch } from '../island/patch.ts';
import { shellView } from '../island/views/shell.ts';
import { decisionName, expectationName } from '../../sandbox/scenario/run.ts';
import type { Expectation, Scenario } from '../../sandbox/scenario/types.ts';
import { fromZip, toZip } from './bundle.ts';
import { entityLabel, worldEditorView } from './view.ts';
import {
  addAccount,
  addBucket,
  addGoal,
  addGroup,
  addRole,
  addUser,
  entities,
  entityKey,
  everyDocumentEditable,
  exportFolder,
  folderFiles,
  folderFromFiles,
  folderFromScenario,
  loadFolder,
  removeEntity,
  withId,
  PLAYGROUND_ID,
  type EditResult,
  type Purpose,
  type WorldFolder,
} from './world-edit.ts';

/** What the world editor needs of <iamlab-sandbox> (../island/element.ts). */
interface SandboxElement extends HTMLElement {
  mounted(): Promise<Mounted | null>;
  remount(next: (previous: Mounted | null) => Mounted): Promise<void>;
}

const isSandbox = (node: Element | null): node is SandboxElement =>
  node instanceof HTMLElement && 'remount' in node && 'mounted' in node;

/** How the sandbox's state follows a new world. */
type Carry = 'keep' | 'fresh' | 'saved';

export function mountWorldEditor(host: HTMLElement): void {
  const lang: Lang = host.dataset['lang'] === 'ja' ? 'ja' : 'en';
  const key = host.dataset['worldKey'] ?? '';
  const sandbox = document.querySelector(`iamlab-sandbox[data-sandbox="${PLAYGROUND_ID}"]`);
  const forms = host.querySelector('[data-world-forms]');
  const status = host.querySelector('[data-world-status]');
  if (!isSandbox(sandbox) || forms === null) return;
  const level = Number(sandbox.dataset['headingLevel'] ?? '3');
  const builtIn = JSON.parse(
    sandbox.querySelector('script[data-scenario]')?.textContent ?? 'null',
  ) as Scenario;
  let folder = folderFromScenario(builtIn);

  const say = (text: string, warning = false): void => {
    if (status === null) return;
    const p = document.createElement('p');
    p.className = warning ? 'sb-notice is-warning' : 'sb-notice';
    p.textContent = text;
    status.replaceChildren(p);
  };
  const problemText = (problem: string): string =>
    `worldProblem_${problem}` in KNOWN ? t(lang, `worldProblem_${problem}` as StringKey) : problem;

  const saveWorld = (world: WorldFolder): void => {
    try {
      localStorage.setItem(key, JSON.stringify({ v: 1, files: folderFiles(world, PLAYGROUND_ID) }));
    } catch {
      say(t(lang, 'storageUnavailable'), true);
    }
  };

  /** The learner's documents and attempt, carried onto the new world. */
  const carried = (previous: Mounted, scenario: Scenario): Restorable => {
    const x = previous.controller.getSnapshot();
    const draft =
      draftFromRecord(scenario, draftToRecord(x.scenario, x.draft)) ?? startDraft(scenario);
    return { documents: x.mine ?? x.documents, draft };
  };

  /** The sandbox's markup for the new world, as the build renders it for the built-in one. */
  const renderShell = (scenario: Scenario, keep: Restorable | undefined): void => {
    const script = sandbox.querySelector('script[data-scenario]');
    if (script === null) return;
    script.textContent = JSON.stringify(scenario);
    const start = new SandboxController(scenario, keep);
    start.refreshGoals();
    const nodes = shellView(start.getSnapshot(), lang, level).map((n) => toDom(n, document));
    start.dispose();
    sandbox.replaceChildren(script, ...nodes);
    for (const node of sandbox.querySelectorAll<HTMLElement>('[data-needs-js]'))
      node.hidden = false;
    sandbox.dataset['version'] = String(scenario.version);
  };

  const show = async (next: WorldFolder, scenario: Scenario, carry: Carry): Promise<void> => {
    folder = next;
    // The forms are drawn anew: a keyboard user stays on the field or button they were on
    // (ids are stable: the form's kind and the field's name).
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
    patch(forms, worldEditorView(folder, lang));
    if (focused !== '') document.getElementById(focused)?.focus();
    await sandbox.remount((previous) => {
      let keep: Restorable | undefined;
      if (carry === 'fresh') keep = { documents: {}, draft: startDraft(scenario) };
      else if (previous !== null) keep = carried(previous, scenario);
      previous?.dispose();
      renderShell(scenario, keep);
      return mountSandbox(sandbox, keep);
    });
  };

  const applyEdit = async (r: EditResult, what: string): Promise<void> => {
    if (!r.ok) {
      say(t(lang, 'worldNotChanged', { problem: problemText(r.problem) }), true);
      return;
    }
    saveWorld(r.folder);
    await show(r.folder, r.scenario, 'keep');
    say(t(lang, 'worldChanged', { what }));
  };

  const value = (form: HTMLFormElement, name: string): string => {
    const v = new FormData(form).get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const checked = (form: HTMLFormElement, name: string): boolean =>
    new FormData(form).get(name) !== null;

  const submit = async (form: HTMLFormElement): Promise<void> => {
    const kind = form.dataset['worldForm'] ?? '';
    const name = value(form, 'name');
    const account = value(form, 'account');
    const added = (k: StringKey, n: string): string =>
      t(lang, 'worldAdded', { what: `${t(lang, k)} ${n}` });
    switch (kind) {
      case 'account': {
        const id = value(form, 'id');
        await applyEdit(
          addAccount(
            folder,
            {
              id,
              alias: value(form, 'alias'),
              purpose: value(form, 'purpose') as Purpose,
              inOrganization: checked(form, 'inOrganization'),
            },
            lang,
          ),
          added('worldKind_account', id),
        );
        return;
      }
      case 'user': {
        const group = value(form, 'group');
        await applyEdit(
          addUser(
            folder,
            {
              account,
              name,
              group: group.slice(group.indexOf(':') + 1),
              inlinePolicy: checked(form, 'inlinePolicy'),
            },
            lang,
          ),
          added('worldKind_user', name),
        );
        return;
      }
      case 'group':
        await applyEdit(
          addGroup(folder, { account, name, inlinePolicy: checked(form, 'inlinePolicy') }, lang),
          added('worldKind_group', name),
        );
        return;
      case 'role':
        await applyEdit(
          addRole(folder, { account, name, inlinePolicy: checked(form, 'inlinePolicy') }, lang),
          added('worldKind_role', name),
        );
        return;
      case 'bucket':
        await applyEdit(
          addBucket(folder, { account, name, policy: checked(form, 'policy') }, lang),
          added('worldKind_bucket', name),
        );
        return;
      case 'remove': {
        const ref = entities(folder).find((e) => entityKey(e) === value(form, 'entity'));
        if (ref === undefined) return;
        await applyEdit(
          removeEntity(folder, ref, lang),
          t(lang, 'worldRemoved', { what: entityLabel(folder, ref, lang) }),
        );
        return;
      }
      case 'goal':
        await saveGoal(value(form, 'title'), value(form, 'expect') as Expectation);
        return;
      case 'export':
        await download(value(form, 'id') || 'my-world', form);
        return;
    }
  };

  const saveGoal = async (title: string, expect: Expectation): Promise<void> => {
    const mounted = await sandbox.mounted();
    if (mounted === null) return;
    const draft = mounted.controller.getSnapshot().draft;
    if (draft.fromSession !== null) {
      say(t(lang, 'worldNotChanged', { problem: problemText('fromSession') }), true);
      return;
    }
    const mine = { en: t('en', 'worldMyGoals'), ja: t('ja', 'worldMyGoals') };
    const instructions = {
      en: t('en', 'worldMyGoalsInstructions'),
      ja: t('ja', 'worldMyGoalsInstructions'),
    };
    const r = addGoal(
      folder,
      { attempt: draft.attempt, expect, title, exercise: { title: mine, instructions } },
      lang,
    );
    if (!r.ok) {
      say(t(lang, 'worldNotChanged', { problem: problemText(r.problem) }), true);
      return;
    }
    saveWorld(r.folder);
    await show(r.folder, r.scenario, 'keep');
    say(t(lang, 'worldGoalAdded', { title }));
  };

  const download = async (id: string, form: HTMLFormElement): Promise<void> => {
    const mounted = await sandbox.mounted();
    const documents = mounted?.controller.getSnapshot().documents ?? {};
    const out = exportFolder(folder, documents, id, lang);
    const box = form.querySelector<HTMLElement>('[data-world-check]');
    if (box !== null) {
      const p = document.createElement('p');
      const ok = out.proof?.ok === true;
      p.className = ok ? 'sb-notice' : 'sb-notice is-warning';
      p.textContent = checkText(out);
      box.dataset['checkOk'] = String(ok);
      box.replaceChildren(p);
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([toZip(out.files).slice()], { type: 'application/zip' }));
    a.download = `${id}.zip`;
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
    }, 0);
  };

  /** What `iamlab check` would print for the export, in the page's words. */
  const checkText = (out: ReturnType<typeof exportFolder>): string => {
    const proof = out.proof;
    if (proof === null) return t(lang, 'worldCheckFail', { reasons: out.problem ?? '' });
    if (proof.ok)
      return t(lang, 'worldCheckOk', {
        exercises: proof.exercises.length,
        goals: proof.start.length,
        fails: proof.start.filter((g) => !g.passed).length,
      });
    const reasons = [
      ...proof.exercises
        .filter((e) => !e.ok)
        .map((e) => t(lang, 'worldCheckNothingToDo', { id: e.exercise })),
      ...proof.unsolved.map((g) =>
        t(lang, 'worldCheckUnsolved', {
          id: g.goal.id,
          expected: expectationName(g.goal.expect),
          got: decisionName(g.result.verdict),
        }),
      ),
    ];
    return t(lang, 'worldCheckFail', { reasons: reasons.join('; ') });
  };

  const open = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (file === undefined) return;
    const r = fromZip(new Uint8Array(await file.arrayBuffer()), lang);
    input.value = '';
    if (!r.ok) {
      say(t(lang, 'worldOpenFailed', { problem: problemText(r.problem) }), true);
      return;
    }
    const next = everyDocumentEditable(withId(r.folder, PLAYGROUND_ID));
    const loaded = loadFolder(next, lang);
    if (!loaded.ok) {
      say(t(lang, 'worldOpenFailed', { problem: loaded.problem }), true);
      return;
    }
    saveWorld(next);
    await show(next, loaded.scenario, 'fresh');
    say(t(lang, 'worldOpened', { title: loaded.scenario.title[lang] }));
  };

  const reset = async (): Promise<void> => {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing saved to remove: the built-in world is shown either way.
    }
    await show(folderFromScenario(builtIn), builtIn, 'keep');
    say(t(lang, 'worldResetDone'));
  };

  host.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset['worldForm'] === undefined) return;
    event.preventDefault();
    void submit(form);
  });
  host.addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.dataset['worldOpen'] !== undefined)
      void open(input);
  });
  host.addEventListener('click', (event) => {
    const target =
      event.target instanceof Element ? event.target.closest('[data-world-reset]') : null;
    if (target !== null) void reset();
  });

  // A world saved on an earlier visit: the sandbox mounts on it, with the learner's saved work.
  let saved: string | null;
  try {
    saved = localStorage.getItem(key);
  } catch {
    saved = null;
  }
  if (saved !== null) {
    const files = savedFiles(saved);
    const r = files === null ? null : folderFromFiles(files, lang);
    const loaded = r?.ok === true ? loadFolder(withId(r.folder, PLAYGROUND_ID), lang) : null;
    if (r?.ok === true && loaded?.ok === true)
      void show(withId(r.folder, PLAYGROUND_ID), loaded.scenario, 'saved');
    else say(t(lang, 'worldSavedBroken'), true);
  }
}

/** The saved world's files, or null when the entry is not what this editor wrote. */
function savedFiles(text: string): Record<string, string> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || !('files' in raw)) return null;
  const files = raw.files;
  if (typeof files !== 'object' || files === null) return null;
  const out: Record<string, string> = {};
  for (const [path, value] of Object.entries(files))
    if (typeof value === 'string') out[path] = value;
  return out;
}

const KNOWN: Readonly<Record<string, true>> = Object.fromEntries(
  [
    'exists',
    'noAccount',
    'missing',
    'managementAccount',
    'lastGoal',
    'noTitle',
    'fromSession',
    'notZip',
    'tooLarge',
    'noScenario',
  ].map((p) => [`worldProblem_${p}`, true]),
);
