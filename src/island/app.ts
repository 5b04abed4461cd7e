// The sandbox once the learner touches it: reads the embedded scenario, restores state
// (link → saved → start), and wires the panels. Learner text only ever reaches the page
// through textContent and DOM nodes (../dom/tree.ts toDom), never innerHTML.
import { el, type Element } from '../dom/tree.ts';
import { langFrom, t, type Lang } from '../i18n/strings.ts';
import type { SourceRange } from '../../sandbox/policy/types.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import type {
  AssumeRoleWithSamlCall,
  AssumeRoleWithWebIdentityCall,
  CallOutcome,
  StsCall,
} from '../../sandbox/sts/types.ts';
import type { Caller, Session, World } from '../../sandbox/world/types.ts';
import { diffFromStart, type SandboxState } from '../state/model.ts';
import { initialState } from '../state/initial.ts';
import { encodeShare, withShare } from '../state/share.ts';
import {
  browserStore,
  exportProgress,
  importProgress,
  save,
  type Saved,
} from '../state/storage.ts';
import { docOfPolicyName, documentRoles } from '../scenario/documents.ts';
import { worldDiagram } from '../world/diagram.ts';
import { announcer } from './announce.ts';
import { checkGoals, runCall } from './core.ts';
import { lineDiff } from './diff.ts';
import { patch } from './patch.ts';
import { PolicyPanel } from './policy-panel.ts';
import {
  FEDERATED_OPS,
  fieldsForIdp,
  idpCallers,
  startFields,
  type AttemptFields,
} from './views/attempt.ts';
import { goalsView } from './views/goals.ts';
import { sessionView } from './views/session.ts';
import { decisionOf, resultView, stepperView } from './views/trace.ts';
import { createActor } from 'xstate';
import { activeGates, assumeRoleMachine } from '../../sandbox/machines/assume-role.machine.ts';

/** Pause in typing after which goals are re-checked. */
const GOAL_DELAY_MS = 150;

export interface Mounted {
  dispose(): void;
}

export function mountSandbox(root: HTMLElement): Mounted {
  const lang: Lang = langFrom(root.dataset['lang'] ?? document.documentElement.lang);
  const scenario = JSON.parse(
    root.querySelector('script[data-scenario]')?.textContent ?? 'null',
  ) as Scenario;
  const say = announcer(root.querySelector<HTMLElement>('[data-notices]'));
  const store = browserStore();
  const embed = root.dataset['embed'] === 'true';
  const query = new URL(location.href).searchParams;
  const readOnly = embed && query.get('readonly') === '1';
  const headingLevel = Number(root.dataset['headingLevel'] ?? '3');

  const startPolicies: Record<string, string> = {};
  for (const id of scenario.editable) startPolicies[id] = scenario.world.documents[id] ?? '';
  const start: SandboxState = { policies: startPolicies, attempt: startFields(scenario) };
  const init = initialState({
    url: new URL(location.href),
    store,
    scenario: scenario.id,
    version: scenario.version,
    start,
  });

  let state: SandboxState = init.state;
  let hintsShown = init.saved?.hintsShown ?? 0;
  let mine: Record<string, string> | undefined =
    init.source === 'start' && init.notices.includes('badLink') ? undefined : init.saved?.mine;
  let beforeReset: SandboxState | null = null;
  // The stepper is the core's assume-role machine; `loaded` is false once an edit made the
  // loaded outcome stale, so the next step or run evaluates again.
  const stepperActor = createActor(assumeRoleMachine, { input: { outcome: null } });
  stepperActor.start();
  let loaded = false;
  let sessions: Session[] = [];
  let now = scenario.clockStart;
  let sessionCaller: number | null = null;
  const roles = documentRoles(scenario.world);
  const cleanups: (() => void)[] = [];

  const notices = init.notices.filter((n) => n !== 'restoredFromSave' || init.source === 'saved');
  if (notices.length > 0) {
    const warn = notices.some(
      (n) => n === 'badLink' || n === 'corruptStorage' || n === 'storageUnavailable',
    );
    say.say(notices.map((n) => t(lang, n)).join(' '), warn ? 'warning' : 'info');
  }

  // ---- panels from the query (embed options) -------------------------------------------
  if (embed) {
    const panels = query.get('panels')?.split(',');
    if (panels !== undefined) {
      for (const section of root.querySelectorAll<HTMLElement>('[data-panel]')) {
        section.hidden = !panels.includes(section.dataset['panel'] ?? '');
      }
    }
  }

  // ---- policies -------------------------------------------------------------------------
  const world = (): World => ({
    ...scenario.world,
    documents: { ...scenario.world.documents, ...state.policies },
  });
  const policyPanels = new Map<string, PolicyPanel>();
  for (const node of root.querySelectorAll<HTMLElement>('.sb-policy[data-doc]')) {
    const docId = node.dataset['doc'] ?? '';
    const role = roles.get(docId);
    const panel = new PolicyPanel({
      node,
      docId,
      scenarioId: scenario.id,
      kind: role?.kind ?? 'identity',
      name: docId,
      lang,
      readOnly,
      text: state.policies[docId] ?? '',
      onChange: (text) => {
        state = { ...state, policies: { ...state.policies, [docId]: text } };
        changed();
      },
      say: (key) => {
        say.say(t(lang, key), 'warning');
      },
    });
    policyPanels.set(docId, panel);
    cleanups.push(() => {
      panel.dispose();
    });
  }

  // ---- attempt form -----------------------------------------------------------------------
  const form = root.querySelector<HTMLFormElement>('[data-attempt-form]');
  const callerSelect = form?.querySelector<HTMLSelectElement>('select[name="caller"]') ?? null;
  const writeForm = (fields: AttemptFields): void => {
    if (form === null) return;
    for (const [name, value] of Object.entries(fields)) {
      const input = form.elements.namedItem(name);
      if (input instanceof HTMLInputElement && input.type === 'checkbox')
        input.checked = value === true;
      else if (
        input instanceof HTMLInputElement ||
        input instanceof HTMLSelectElement ||
        input instanceof HTMLTextAreaElement
      ) {
        input.value = String(value);
      }
    }
    showParams();
  };
  const readForm = (): AttemptFields => {
    const out: Record<string, string | boolean | number> = {};
    if (form === null) return out;
    for (const input of form.querySelectorAll<
      HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
    >('[name]')) {
      if (input.name === 'preset') continue;
      if (input instanceof HTMLInputElement && input.type === 'checkbox')
        out[input.name] = input.checked;
      else if (input instanceof HTMLInputElement && input.type === 'number')
        out[input.name] = Number(input.value);
      else out[input.name] = input.value;
    }
    return out;
  };
  const showParams = (): void => {
    const op = String(readForm()['op'] ?? '');
    for (const fs of form?.querySelectorAll<HTMLElement>('[data-for-op]') ?? []) {
      fs.hidden = !(fs.dataset['forOp'] ?? '').split(' ').includes(op);
    }
  };
  // Before mounting, the server-rendered form already shows the start and may hold what the
  // learner changed while the simulator loaded; only a link or saved state overrides it.
  if (init.source === 'start') state = { ...state, attempt: { ...state.attempt, ...readForm() } };
  else writeForm(state.attempt);
  showParams();
  const onFormInput = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.name === 'preset') {
      applyPreset(target.value);
      return;
    }
    if (target instanceof HTMLSelectElement && target.name === 'caller') {
      sessionCaller = target.value.startsWith('session:')
        ? Number(target.value.slice('session:'.length))
        : null;
      followCaller(target.value);
    }
    if (target instanceof HTMLSelectElement && target.name === 'op') followOp(target.value);
    state = { ...state, attempt: readForm() };
    showParams();
    changed();
  };
  // An identity provider can only make its own federated call and a user or session cannot
  // make one, so picking one side brings the other along with the assertion or token.
  const idps = idpCallers(scenario);
  const setField = (name: string, value: string): void => {
    const input = form?.elements.namedItem(name);
    if (input instanceof HTMLSelectElement || input instanceof HTMLInputElement)
      input.value = value;
  };
  const followCaller = (value: string): void => {
    const idp = idps.find((c) => c.value === value);
    const op = String(readForm()['op'] ?? '');
    if (idp !== undefined) {
      const wanted = idp.kind === 'saml' ? 'AssumeRoleWithSAML' : 'AssumeRoleWithWebIdentity';
      // Claims already written for this provider are the learner's: keep them.
      if (!idpMatchesForm(idp.value)) writeForm(fieldsForIdp(scenario, value));
      else if (op !== wanted) {
        setField('op', wanted);
        showParams();
      }
    } else if (FEDERATED_OPS.includes(op)) {
      setField('op', 'AssumeRole');
      showParams();
    }
  };
  const idpMatchesForm = (value: string): boolean => {
    const idp = idps.find((c) => c.value === value);
    const fields = readForm();
    return idp?.kind === 'saml'
      ? String(fields['samlRoles'] ?? '').includes(value)
      : String(fields['oidcIss'] ?? '').includes(idp?.name ?? value);
  };
  const followOp = (op: string): void => {
    const caller = String(readForm()['caller'] ?? '');
    const kind =
      op === 'AssumeRoleWithSAML' ? 'saml' : op === 'AssumeRoleWithWebIdentity' ? 'oidc' : null;
    const current = idps.find((c) => c.value === caller);
    if (kind !== null && current?.kind !== kind) {
      const idp = idps.find((c) => c.kind === kind);
      if (idp !== undefined) writeForm(fieldsForIdp(scenario, idp.value));
    } else if (kind === null && current !== undefined) {
      const user = callerSelect?.querySelector<HTMLOptionElement>('option[value^="arn:aws:iam::"]');
      const first = [...(callerSelect?.options ?? [])].find(
        (o) => !idps.some((c) => c.value === o.value),
      );
      setField('caller', first?.value ?? user?.value ?? '');
      sessionCaller = null;
      showParams();
    }
  };
  const applyPreset = (id: string): void => {
    const attempt = [...scenario.attempts, ...scenario.goals].find((a) => a.id === id);
    if (attempt === undefined) return;
    const fields = startFields({ ...scenario, attempts: [attempt], goals: [] });
    writeForm(fields);
    state = { ...state, attempt: readForm() };
    changed();
  };
  form?.addEventListener('input', onFormInput);
  form?.addEventListener('change', onFormInput);

  const buildCall = (fields: AttemptFields): StsCall => {
    const str = (k: string): string => String(fields[k] ?? '');
    switch (fields['op']) {
      case 'GetSessionToken':
        return {
          op: 'GetSessionToken',
          durationSeconds: Number(fields['duration']),
          mfa: fields['mfa'] === true,
        };
      case 'GetCallerIdentity':
        return { op: 'GetCallerIdentity' };
      case 'Call':
        return { op: 'Call', action: str('action'), resource: str('resource') };
      case 'AssumeRoleWithSAML':
        return samlCall(fields);
      case 'AssumeRoleWithWebIdentity':
        return webIdentityCall(fields);
      default: {
        const tags = str('tags')
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '')
          .map((line) => {
            const at = line.indexOf('=');
            return at < 0
              ? { key: line, value: '' }
              : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
          });
        return {
          op: 'AssumeRole',
          roleArn: str('roleArn'),
          roleSessionName: str('sessionName'),
          durationSeconds: Number(fields['duration']),
          mfa: fields['mfa'] === true,
          ...(str('externalId') === '' ? {} : { externalId: str('externalId') }),
          ...(tags.length === 0 ? {} : { tags }),
        };
      }
    }
  };
  const currentCaller = (): Caller => {
    // Federated calls are unsigned: the assertion or token is the only proof of who calls.
    if (FEDERATED_OPS.includes(String(state.attempt['op'] ?? ''))) return { type: 'anonymous' };
    const s = sessionCaller === null ? undefined : sessions[sessionCaller];
    if (s !== undefined) return { type: 'session', accessKeyId: s.credentials.accessKeyId };
    return { type: 'user', arn: String(state.attempt['caller'] ?? '') };
  };

  const execute = (call: StsCall, caller: Caller): CallOutcome => {
    const outcome = runCall({ world: world(), now, sessions, caller, call });
    if (outcome.ok && outcome.newSessions.length > 0) {
      sessions = [...sessions, ...outcome.newSessions];
      refreshCallerOptions();
    }
    return outcome;
  };

  const refreshCallerOptions = (): void => {
    if (callerSelect === null) return;
    for (const option of [...callerSelect.options])
      if (option.value.startsWith('session:')) option.remove();
    sessions.forEach((s, i) => {
      const option = document.createElement('option');
      option.value = `session:${i}`;
      option.textContent = t(lang, 'callerSession', { name: s.arn });
      callerSelect.append(option);
    });
    if (sessionCaller !== null) callerSelect.value = `session:${sessionCaller}`;
  };

  // ---- rendering ------------------------------------------------------------------------
  const stepper = root.querySelector('[data-stepper]');
  const result = root.querySelector('[data-result]');
  const sessionsBox = root.querySelector('[data-sessions]');
  const exercise = root.querySelector('[data-exercise]');
  const diagram = root.querySelector('[data-diagram]');
  const diffBox = root.querySelector('[data-diff]');

  const decidingRanges = (): Map<string, SourceRange> => {
    const snapshot = stepperActor.getSnapshot();
    const out = new Map<string, SourceRange>();
    if (!loaded) return out;
    const refs = snapshot.hasTag('decided')
      ? (snapshot.context.outcome?.trace.authz?.deciding ?? [])
      : activeGates(snapshot.context).flatMap((g) => g.deciding);
    for (const ref of refs) {
      const docId = docOfPolicyName(roles, ref.policy);
      if (docId !== null && ref.range !== undefined && !out.has(docId)) out.set(docId, ref.range);
    }
    return out;
  };

  const renderRun = (): void => {
    const snapshot = stepperActor.getSnapshot();
    const outcome = loaded ? snapshot.context.outcome : null;
    const decided = loaded && snapshot.hasTag('decided');
    const view = stepperView(
      outcome?.trace ?? null,
      loaded ? snapshot.context.active : null,
      decided,
      lang,
    );
    patch(
      stepper,
      FEDERATED_OPS.includes(outcome?.trace.op ?? '')
        ? el(
            'div',
            {},
            el('p', { class: 'sb-note', 'data-federated': true }, t(lang, 'federatedNote')),
            view,
          )
        : view,
    );
    patch(result, resultView(decided ? outcome : null, lang));
    const ranges = decidingRanges();
    for (const [docId, panel] of policyPanels) panel.highlight(ranges.get(docId) ?? null);
  };
  const renderSessions = (): void => {
    patch(sessionsBox, sessionView(sessions, now, lang));
  };
  const renderDiagram = (): void => {
    const s = sessionCaller === null ? undefined : sessions[sessionCaller];
    patch(
      diagram,
      worldDiagram(
        world(),
        {
          caller: s?.arn ?? String(state.attempt['caller'] ?? ''),
          target: String(state.attempt['roleArn'] ?? ''),
        },
        lang,
      ),
    );
  };
  let goalsMet: Record<string, boolean> = {};
  const renderExercise = (): void => {
    goalsMet = checkGoals(scenario, state.policies);
    patch(
      exercise,
      goalsView(
        {
          goals: scenario.goals.map((g) => ({
            id: g.id,
            title: g.title,
            met: goalsMet[g.id] ?? false,
          })),
          hints: scenario.hints,
          hintsShown,
          showingSolution: mine !== undefined,
          canUndoReset: beforeReset !== null,
        },
        lang,
      ),
    );
    if (diffBox !== null) {
      if (mine === undefined) diffBox.replaceChildren();
      else patch(diffBox, solutionDiff(headingLevel + 1, mine, state.policies, lang));
    }
  };

  // ---- persistence and share ---------------------------------------------------------------
  let frame = 0;
  let wasSolved = scenario.goals.length > 0 && scenario.goals.every((g) => goalsMet[g.id] === true);
  const persist = (): void => {
    const diff = diffFromStart(state, start);
    const solved =
      scenario.goals.length > 0 && scenario.goals.every((g) => goalsMet[g.id] === true);
    const saved: Saved = {
      v: 1,
      state: diff,
      hintsShown,
      solved,
      met: scenario.goals.filter((g) => goalsMet[g.id] === true).map((g) => g.id),
      ...(mine === undefined ? {} : { mine }),
    };
    const result = save(store, scenario.id, scenario.version, saved);
    if (!result.ok && !init.notices.includes('storageUnavailable'))
      say.say(t(lang, 'storageUnavailable'), 'warning');
    const url = withShare(new URL(location.href), scenario.id, encodeShare(diff, scenario.version));
    if (url.href !== location.href) history.replaceState(history.state, '', url);
    if (solved && !wasSolved) say.say(t(lang, 'solved'));
    wasSolved = solved;
  };
  // Edits arrive per keystroke. Findings and highlighting happen at once (PolicyPanel);
  // the diagram and storage follow once per frame, and the goals, which run every goal's
  // calls through the engine, once typing pauses so a keystroke always fits in a frame.
  let goalTimer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): void => {
    clearTimeout(goalTimer);
    goalTimer = setTimeout(() => {
      renderExercise();
      persist();
    }, GOAL_DELAY_MS);
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (loaded) {
        loaded = false;
        stepperActor.send({ type: 'RESET' });
        renderRun();
      }
      renderDiagram();
      persist();
    });
  };

  // ---- actions ------------------------------------------------------------------------------
  const setPolicies = (policies: Record<string, string>): void => {
    state = { ...state, policies };
    for (const [docId, panel] of policyPanels) panel.setText(policies[docId] ?? '');
  };
  const announceOutcome = (outcome: CallOutcome): void => {
    const decision = decisionOf(outcome);
    const words = t(lang, `decision_${decision}`);
    say.say(
      outcome.ok ? words : `${words}. ${outcome.error.code}: ${outcome.error.message}`,
      outcome.ok ? 'info' : 'warning',
    );
  };
  const load = (): CallOutcome => {
    // An edit's frame still pending (typing, then Enter at once) would reset this fresh run.
    if (frame !== 0) {
      cancelAnimationFrame(frame);
      frame = 0;
      renderDiagram();
      persist();
    }
    const outcome = execute(buildCall(state.attempt), currentCaller());
    stepperActor.send({ type: 'LOAD', outcome });
    loaded = true;
    renderSessions();
    return outcome;
  };
  const actions: Record<string, (button: HTMLElement) => void> = {
    run: () => {
      const outcome = load();
      stepperActor.send({ type: 'RUN' });
      renderRun();
      announceOutcome(outcome);
    },
    step: () => {
      if (!loaded) load();
      stepperActor.send({ type: 'STEP' });
      renderRun();
      const snapshot = stepperActor.getSnapshot();
      const outcome = snapshot.context.outcome;
      const active = snapshot.context.active;
      if (snapshot.hasTag('decided') && outcome !== null) announceOutcome(outcome);
      else if (active !== null) {
        const step = outcome?.trace.steps.find((s) => s.step === active);
        say.say(
          `${t(lang, `step_${active}`)}: ${step === undefined ? t(lang, 'outcome_pending') : t(lang, `stepOutcome_${step.outcome}`)}`,
        );
      }
    },
    'reset-run': () => {
      stepperActor.send({ type: 'RESET' });
      renderRun();
      say.clear();
    },
    forward: (button) => {
      now += Number(button.dataset['minutes'] ?? '0') * 60_000;
      renderSessions();
      const expired = sessions.filter((s) => s.expiresAt <= now).length;
      say.say(
        `${t(lang, 'clock', { time: new Date(now).toISOString() })}${expired > 0 ? ` — ${t(lang, 'expired')}: ${expired}` : ''}`,
      );
    },
    whoami: (button) => {
      const s = sessions[Number(button.dataset['session'])];
      if (s === undefined) return;
      const outcome = execute(
        { op: 'GetCallerIdentity' },
        { type: 'session', accessKeyId: s.credentials.accessKeyId },
      );
      stepperActor.send({ type: 'LOAD', outcome });
      loaded = true;
      stepperActor.send({ type: 'RUN' });
      renderRun();
      announceOutcome(outcome);
    },
    'use-session': (button) => {
      sessionCaller = Number(button.dataset['session']);
      refreshCallerOptions();
      // A session cannot make a federated call; its natural next step is a call with it.
      if (FEDERATED_OPS.includes(String(state.attempt['op'] ?? ''))) {
        setField('op', 'Call');
        showParams();
      }
      state = { ...state, attempt: readForm() };
      renderDiagram();
      callerSelect?.focus();
    },
    hint: () => {
      hintsShown = Math.min(scenario.hints.length, hintsShown + 1);
      renderExercise();
      persist();
      const hint = scenario.hints[hintsShown - 1];
      if (hint !== undefined) say.say(hint[lang]);
    },
    solution: () => {
      if (!confirm(t(lang, 'confirmSolution'))) return;
      mine = { ...state.policies };
      const next = { ...state.policies };
      for (const [docId, text] of Object.entries(scenario.solution))
        if (docId in next) next[docId] = text;
      setPolicies(next);
      changed();
    },
    'restore-mine': () => {
      if (mine === undefined) return;
      const restored = mine;
      mine = undefined;
      setPolicies({ ...state.policies, ...restored });
      changed();
    },
    reset: () => {
      beforeReset = state;
      mine = undefined;
      state = start;
      setPolicies(start.policies);
      writeForm(start.attempt);
      changed();
    },
    'undo-reset': () => {
      if (beforeReset === null) return;
      const back = beforeReset;
      beforeReset = null;
      setPolicies(back.policies);
      state = back;
      writeForm(back.attempt);
      changed();
    },
    'copy-link': () => {
      void copy(location.href);
    },
    'copy-embed': () => {
      const base = lang === 'ja' ? '/ja/embed/' : '/embed/';
      const src = new URL(`${base}${scenario.id}/`, location.origin);
      const diff = encodeShare(diffFromStart(state, start), scenario.version);
      if (diff !== null) src.searchParams.set(`sb-${scenario.id}`, diff);
      const title = `${t(lang, 'sandbox')}: ${scenario.title[lang]}`;
      const iframe = document.createElement('iframe');
      iframe.src = src.href;
      iframe.title = title;
      iframe.width = '100%';
      iframe.height = '900';
      iframe.setAttribute('loading', 'lazy');
      void copy(iframe.outerHTML);
    },
    export: () => {
      const blob = new Blob([exportProgress(store)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'iamlab-progress.json';
      a.click();
      setTimeout(() => {
        URL.revokeObjectURL(a.href);
      }, 0);
    },
  };

  const copyBox = root.querySelector<HTMLTextAreaElement>('[data-copy-box]');
  const copy = async (text: string): Promise<void> => {
    if (copyBox !== null) {
      copyBox.value = text;
      copyBox.hidden = false;
    }
    try {
      await navigator.clipboard.writeText(text);
      say.say(t(lang, 'copied'));
    } catch {
      copyBox?.select();
      say.say(t(lang, 'copyFailed'), 'warning');
    }
  };

  const onClick = (event: MouseEvent): void => {
    const target =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
    if (target === null || !root.contains(target) || target instanceof HTMLInputElement) return;
    const action = actions[target.dataset['action'] ?? ''];
    if (action === undefined) return;
    event.preventDefault();
    action(target);
  };
  const onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    actions['run']?.(root);
  };
  const onImport = (event: Event): void => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset['action'] !== 'import') return;
    const file = input.files?.[0];
    if (file === undefined) return;
    void file.text().then((text) => {
      const r = importProgress(store, text);
      say.say(
        r.ok
          ? t(lang, 'imported', { count: r.count })
          : t(lang, r.problem === 'invalid' ? 'importFailed' : 'storageUnavailable'),
        r.ok ? 'info' : 'warning',
      );
      input.value = '';
    });
  };
  root.addEventListener('click', onClick);
  form?.addEventListener('submit', onSubmit);
  root.addEventListener('change', onImport);

  // A preset or caller chosen before the simulator mounted changed only that one control:
  // bring the call's other fields (the assertion, the token) along now. Not through changed(),
  // whose next frame would reset a run that the click which woke the island is replaying.
  if (init.source === 'start') {
    const preset = form?.querySelector<HTMLSelectElement>('select[name="preset"]')?.value ?? '';
    const attempt = [...scenario.attempts, ...scenario.goals].find((a) => a.id === preset);
    if (attempt !== undefined)
      writeForm(startFields({ ...scenario, attempts: [attempt], goals: [] }));
    else {
      followCaller(String(state.attempt['caller'] ?? ''));
      followOp(String(readForm()['op'] ?? ''));
    }
    state = { ...state, attempt: readForm() };
  }
  renderExercise();
  renderDiagram();
  renderSessions();
  if (init.source === 'url') persist();

  return {
    dispose() {
      cancelAnimationFrame(frame);
      clearTimeout(goalTimer);
      stepperActor.stop();
      root.removeEventListener('click', onClick);
      root.removeEventListener('change', onImport);
      form?.removeEventListener('submit', onSubmit);
      form?.removeEventListener('input', onFormInput);
      form?.removeEventListener('change', onFormInput);
      for (const fn of cleanups) fn();
    },
  };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const list = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** The SAML fields of the form as a call; an empty optional field is left out, as in the API. */
function samlCall(fields: AttemptFields): AssumeRoleWithSamlCall {
  const str = (k: string): string => String(fields[k] ?? '').trim();
  const attributes: Record<string, string[]> = {};
  for (const line of lines(str('samlAttributes'))) {
    const at = line.indexOf('=');
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    attributes[key] = at < 0 ? [] : list(line.slice(at + 1));
  }
  const sessionDuration = str('samlSessionDuration');
  return {
    op: 'AssumeRoleWithSAML',
    roleArn: str('roleArn'),
    principalArn: str('caller'),
    durationSeconds: Number(fields['duration']),
    assertion: {
      issuer: str('samlIssuer'),
      recipient: str('samlRecipient'),
      audience: str('samlAudience'),
      nameId: str('samlNameId'),
      ...(str('samlNameIdFormat') === '' ? {} : { nameIdFormat: str('samlNameIdFormat') }),
      roles: lines(str('samlRoles')),
      roleSessionName: str('samlSessionName'),
      ...(sessionDuration === '' ? {} : { sessionDuration: Number(sessionDuration) }),
      notOnOrAfter: str('samlNotOnOrAfter'),
      ...(Object.keys(attributes).length === 0 ? {} : { attributes }),
    },
  };
}

function webIdentityCall(fields: AttemptFields): AssumeRoleWithWebIdentityCall {
  const str = (k: string): string => String(fields[k] ?? '').trim();
  const amr = list(str('oidcAmr'));
  return {
    op: 'AssumeRoleWithWebIdentity',
    roleArn: str('roleArn'),
    roleSessionName: str('sessionName'),
    durationSeconds: Number(fields['duration']),
    token: {
      iss: str('oidcIss'),
      aud: str('oidcAud'),
      ...(str('oidcAzp') === '' ? {} : { azp: str('oidcAzp') }),
      sub: str('oidcSub'),
      ...(amr.length === 0 ? {} : { amr }),
      exp: Number(fields['oidcExp']),
    },
  };
}

function solutionDiff(
  level: number,
  mine: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
  lang: Lang,
): Element {
  const blocks = Object.keys(now)
    .filter((id) => mine[id] !== undefined && mine[id] !== now[id])
    .map((id) =>
      el(
        'div',
        { class: 'sb-diff-doc' },
        el(`h${level + 1}`, {}, id),
        el(
          'pre',
          { class: 'sb-diff', tabindex: 0 },
          ...lineDiff(mine[id] ?? '', now[id] ?? '').map((l) =>
            el(
              'span',
              { class: `d-${l.op}` },
              `${l.op === 'add' ? '+ ' : l.op === 'del' ? '- ' : '  '}${l.text}\n`,
            ),
          ),
        ),
      ),
    );
  return el('div', {}, el(`h${level}`, {}, t(lang, 'diff')), ...blocks);
}
