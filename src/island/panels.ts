// The sandbox's panels: each owns one part of the page, renders it from controller snapshots
// and turns the learner's input into controller commands. `{ render, dispose }`, after the
// TypeScript Playground's sidebar plugins; app.ts creates and wires them.
import { el, toDom } from '../dom/tree.ts';
import { t, type Lang, type StringKey } from '../i18n/strings.ts';
import type { SourceRange } from '../../sandbox/policy/types.ts';
import { trustPolicyTexts, worldDiagrams, type DiagramPath } from '../world/diagram.ts';
import { formFields } from './attempt-model.ts';
import type { Change, SandboxController, Snapshot } from './controller.ts';
import { patch } from './patch.ts';
import { PolicyPanel } from './policy-panel.ts';
import { CUSTOM, customNote, sessionOptions, stepsView, visibleFields } from './views/attempt.ts';
import { diagramFocus } from './views/diagram-focus.ts';
import { exercisesView, goalsDockView } from './views/goals.ts';
import { runView } from './views/run.ts';
import { sessionView } from './views/session.ts';
import { resultView, stepperView } from './views/trace.ts';
import { decidingRanges } from '../../sandbox/explain/highlight.ts';
import { documentRoles, ownerLabel } from '../scenario/documents.ts';
import { documentPolicyOptions } from '../../sandbox/world/policy-options.ts';

export interface Panel {
  render(snapshot: Snapshot, changes: ReadonlySet<Change>): void;
  dispose(): void;
}

/**
 * What the learner changed in the server-rendered form while the simulator loaded (a caller
 * picked, a field typed): handed to the controller so that mounting does not undo it.
 */
export function adoptEarlyInput(form: HTMLFormElement, controller: SandboxController): void {
  // Read every early value first: applying one re-renders the form from the attempt, which
  // would put back the build's values in the controls not read yet (a checkbox ticked after a
  // caller was picked was lost), and leave controls showing a chosen preset's own values.
  let preset: string | null = null;
  const fields: [name: string, value: string | boolean][] = [];
  // form.elements, not the form's descendants: the dock's preset select belongs to the form
  // through its `form` attribute.
  for (const control of form.elements) {
    if (
      !(
        control instanceof HTMLInputElement ||
        control instanceof HTMLSelectElement ||
        control instanceof HTMLTextAreaElement
      ) ||
      control.name === ''
    )
      continue;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      if (control.checked !== control.defaultChecked) fields.push([control.name, control.checked]);
    } else if (control instanceof HTMLSelectElement) {
      const chosen = control.selectedOptions[0];
      if (chosen === undefined || chosen.defaultSelected) continue;
      if (control.name !== 'preset') fields.push([control.name, chosen.value]);
      else if (chosen.value !== CUSTOM) preset = chosen.value;
    } else if (control.value !== control.defaultValue) {
      fields.push([control.name, control.value]);
    }
  }
  if (preset !== null) controller.choosePreset(preset);
  for (const [name, value] of fields) controller.setField(name, value);
}

const touches = (changes: ReadonlySet<Change>, ...any: Change[]): boolean =>
  any.some((c) => changes.has(c));

/** The attempt form: writes the snapshot's values into its fixed controls. */
export function attemptPanel(
  form: HTMLFormElement,
  controller: SandboxController,
  lang: Lang,
): Panel {
  const s = controller.scenario;
  const onInput = (event: Event): void => {
    const target = event.target;
    if (
      !(
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement
      ) ||
      target.name === ''
    )
      return;
    if (target.name === 'preset') {
      if (target.value !== CUSTOM) controller.choosePreset(target.value);
      return;
    }
    const value =
      target instanceof HTMLInputElement && target.type === 'checkbox'
        ? target.checked
        : target.value;
    controller.setField(target.name, value);
  };
  const onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    controller.run();
  };
  // The attempt select sits in the dock, outside the form element but in its form (`form=`):
  // listen where both are, and take only the form's own controls.
  const root = form.closest('iamlab-sandbox') ?? form;
  const onAnyInput = (event: Event): void => {
    const target = event.target;
    if (
      (target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement) &&
      target.form === form
    )
      onInput(event);
  };
  root.addEventListener('input', onAnyInput);
  root.addEventListener('change', onAnyInput);
  form.addEventListener('submit', onSubmit);
  const steps = form.querySelector('[data-steps]');
  const note = form.querySelector<HTMLElement>('[data-attempt-note]');
  const legend = form.querySelector('[data-step-legend]');
  const federatedNote = form.querySelector<HTMLElement>('[data-federated-note]');
  return {
    render(x, changes) {
      if (!touches(changes, 'attempt', 'run', 'sessions')) return;
      const fields = formFields(s, x.draft, x.editStep);
      const visible = visibleFields(s, x.draft, x.editStep);
      const preset = form.ownerDocument.querySelector(`select[name="preset"][form="${form.id}"]`);
      if (preset instanceof HTMLSelectElement)
        preset.value = x.draft.source.kind === 'custom' ? CUSTOM : x.draft.source.id;
      if (note !== null) {
        note.hidden = x.draft.source.kind !== 'custom';
        note.textContent = customNote(s, x.draft, lang);
      }
      const sessionGroup = form.querySelector('[data-session-options]');
      if (sessionGroup !== null && touches(changes, 'sessions'))
        sessionGroup.replaceChildren(
          ...sessionOptions(x.sessions, lang).map((o) => toDom(o, document)),
        );
      for (const wrapper of form.querySelectorAll<HTMLElement>('[data-field]')) {
        const name = wrapper.dataset['field'] ?? '';
        wrapper.hidden = !visible.has(name);
        const control = wrapper.querySelector<
          HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
        >(`[name="${name}"]`);
        const value = fields[name];
        if (control === null || value === undefined || control === document.activeElement) continue;
        if (control instanceof HTMLInputElement && control.type === 'checkbox')
          control.checked = value === true;
        else if (control instanceof HTMLSelectElement) {
          const wanted = String(value);
          if (![...control.options].some((o) => o.value === wanted) && wanted !== '')
            control.append(toDom(el('option', { value: wanted }, wanted), document));
          control.value = wanted;
        } else control.value = String(value);
      }
      if (legend !== null) legend.textContent = t(lang, 'editingStepN', { n: x.editStep + 1 });
      if (federatedNote !== null)
        federatedNote.hidden = !['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'].includes(
          String(fields['op']),
        );
      patch(steps, stepsView(x.draft, x.editStep, x.run, lang));
    },
    dispose() {
      root.removeEventListener('input', onAnyInput);
      root.removeEventListener('change', onAnyInput);
      form.removeEventListener('submit', onSubmit);
    },
  };
}

/** What ran, the stepper and the shown call's detail, and the deciding statements. */
export function runPanel(
  root: HTMLElement,
  policies: ReadonlyMap<string, PolicyPanel>,
  lang: Lang,
): Panel {
  const result = root.querySelector('[data-result]');
  const stepper = root.querySelector('[data-stepper]');
  const detail = root.querySelector('[data-call-detail]');
  return {
    render(x, changes) {
      if (!touches(changes, 'run')) return;
      const shown = x.run?.result.steps[x.run.shownStep];
      const outcome = shown?.outcome ?? null;
      const resource = shown?.call.op === 'Call' ? shown.call.resource : undefined;
      patch(result, runView(x.scenario, x.run, x.stepper.decided, lang));
      patch(stepper, stepperView(outcome, x.stepper.active, x.stepper.decided, lang, resource));
      patch(detail, x.stepper.decided ? resultView(outcome, lang, resource) : el('div', {}));
      const ranges: ReadonlyMap<string, SourceRange> =
        outcome === null
          ? new Map()
          : decidingRanges(outcome.trace, x.stepper.decided ? null : x.stepper.active);
      for (const [docId, panel] of policies) panel.highlight(ranges.get(docId) ?? null);
    },
    dispose() {},
  };
}

export function sessionsPanel(root: HTMLElement, lang: Lang): Panel {
  const box = root.querySelector('[data-sessions]');
  return {
    render(x, changes) {
      if (touches(changes, 'sessions')) patch(box, sessionView(x.sessions, x.now, lang));
    },
    dispose() {},
  };
}

export function exercisesPanel(root: HTMLElement, level: number, lang: Lang): Panel {
  const box = root.querySelector('[data-exercises]');
  const dock = root.querySelector('[data-goals]');
  let before: ReadonlyMap<string, boolean> | null = null;
  return {
    render(x, changes) {
      if (!touches(changes, 'goals', 'exercises')) return;
      patch(box, exercisesView(x, level + 1, lang));
      patch(dock, goalsDockView(x, lang));
      // A goal that flipped since the last check is marked for a moment (and announced).
      const now = new Map((x.goals ?? []).map((g) => [g.id, g.met]));
      if (before !== null)
        for (const [id, met] of now)
          if (before.has(id) && before.get(id) !== met)
            dock?.querySelector(`[data-goal="${id}"]`)?.classList.add('is-flipped');
      if (x.goals !== null) before = now;
    },
    dispose() {},
  };
}

export function diagramPanel(
  root: HTMLElement,
  lang: Lang,
): Panel & { setPaths(paths: readonly DiagramPath[]): void } {
  const box = root.querySelector('[data-diagram]');
  let frame = 0;
  let latest: Snapshot | null = null;
  let paths: readonly DiagramPath[] = [];
  /** What the diagram last drew from: the trust policies, the focus and the paths. */
  let drawn = '';
  const draw = (): void => {
    // Typing changes documents per keystroke; the diagram follows once per frame, and only
    // when what it shows changed: typing in a policy other than a trust policy redraws nothing.
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (latest === null) return;
      const world = {
        ...latest.scenario.world,
        documents: { ...latest.scenario.world.documents, ...latest.documents },
      };
      const focus = diagramFocus(latest);
      const inputs = JSON.stringify([latest.scenario.id, trustPolicyTexts(world), focus, paths]);
      if (inputs === drawn) return;
      drawn = inputs;
      patch(box, worldDiagrams(world, focus, lang, paths));
    });
  };
  return {
    render(x, changes) {
      if (!touches(changes, 'documents', 'attempt', 'sessions')) return;
      latest = x;
      draw();
    },
    /** The access paths an edit opened or closed, drawn over the trust arrows. */
    setPaths(next) {
      paths = next;
      draw();
    },
    dispose() {
      cancelAnimationFrame(frame);
    },
  };
}

/** One PolicyPanel per editable document, fed from the controller and feeding it edits. */
export function policyPanels(
  root: HTMLElement,
  controller: SandboxController,
  options: { lang: Lang; readOnly: boolean; warn: (key: StringKey) => void },
): { panels: Map<string, PolicyPanel>; panel: Panel } {
  const roles = documentRoles(controller.scenario.world);
  const panels = new Map<string, PolicyPanel>();
  const first = controller.getSnapshot();
  for (const node of root.querySelectorAll<HTMLElement>('.sb-policy[data-doc]')) {
    const docId = node.dataset['doc'] ?? '';
    const role = roles.get(docId);
    panels.set(
      docId,
      new PolicyPanel({
        node,
        docId,
        scenarioId: controller.scenario.id,
        parseOptions: documentPolicyOptions(controller.scenario.world, docId),
        name: role === undefined ? docId : ownerLabel(role.place, options.lang),
        lang: options.lang,
        readOnly: options.readOnly || !(docId in first.documents),
        text: first.documents[docId] ?? controller.scenario.world.documents[docId] ?? '',
        onChange: (text) => {
          controller.editDocument(docId, text);
        },
        say: options.warn,
      }),
    );
  }
  return {
    panels,
    panel: {
      render(x, changes) {
        if (!touches(changes, 'documents')) return;
        // Text the learner typed is already there; a reset, solution or import is not.
        for (const [docId, p] of panels) {
          const text = x.documents[docId];
          if (text !== undefined) p.setText(text);
        }
      },
      dispose() {
        for (const p of panels.values()) p.dispose();
      },
    },
  };
}
