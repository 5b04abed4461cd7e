// The attempt form: a view of the controller's attempt. Its structure is fixed (every field
// of every operation, each in a `data-field` wrapper), so the panel only writes values and
// hides what does not apply, and a learner typing in a field never loses the caret.
import { el, type Element, type Node } from '../../dom/tree.ts';
import { t, type Lang, type StringKey } from '../../i18n/strings.ts';
import type { Scenario, Step } from '../../../sandbox/scenario/types.ts';
import type { StsOp } from '../../../sandbox/sts/types.ts';
import type { Session } from '../../../sandbox/world/types.ts';
import {
  FEDERATED_OPS,
  FIELDS_BY_OP,
  FORM_OPERATIONS,
  formFields,
  idpCallers,
  presets,
  roleArns,
  userArns,
  type AttemptDraft,
  type StepFields,
} from '../attempt-model.ts';
import type { RunState } from '../controller.ts';
import { decisionName, verdictOf } from '../../../sandbox/scenario/run.ts';
import { VERDICT_LABEL } from '../../../sandbox/explain/messages.ts';

/** A title for a place that shows plain text only (an option): names lose their backticks. */
export const plain = (text: string): string => text.replace(/`/g, '');

/** The value of the attempt select when the form holds the learner's own attempt. */
export const CUSTOM = 'custom';

/** Which `data-field` wrappers show for this form state. */
export function visibleFields(
  s: Scenario,
  draft: AttemptDraft,
  editStep: number,
): ReadonlySet<string> {
  const fields = formFields(s, draft, editStep);
  const op = String(fields['op']) as StsOp;
  const out = new Set<string>(['caller', 'op', ...FIELDS_BY_OP[op]]);
  const caller = String(fields['caller']);
  if (editStep > 0) out.add('wait');
  if (draft.fromSession === null && userArns(s).includes(caller) && !FEDERATED_OPS.includes(op))
    out.add('signIn');
  return out;
}

const FIELD_LABELS: Readonly<Record<string, StringKey>> = {
  roleArn: 'role',
  sessionName: 'sessionName',
  externalId: 'externalId',
  mfa: 'mfa',
  mfaSerial: 'mfaSerial',
  mfaCode: 'mfaCode',
  duration: 'duration',
  tags: 'tags',
  transitiveTagKeys: 'transitiveTagKeys',
  sourceIdentity: 'sourceIdentity',
  account: 'switchAccount',
  roleName: 'switchRoleName',
  displayName: 'switchDisplayName',
  fedName: 'federatedName',
  targetPrincipal: 'rootTarget',
  taskPolicyArn: 'rootTaskPolicy',
  sessionPolicy: 'sessionPolicy',
  action: 'action',
  resource: 'resource',
  samlIssuer: 'samlIssuer',
  samlRecipient: 'samlRecipient',
  samlAudience: 'samlAudience',
  samlNameId: 'samlNameId',
  samlNameIdFormat: 'samlNameIdFormat',
  samlRoles: 'samlRoles',
  samlSessionName: 'samlSessionName',
  samlSessionDuration: 'samlSessionDuration',
  samlNotOnOrAfter: 'samlNotOnOrAfter',
  samlAttributes: 'samlAttributes',
  oidcIss: 'oidcIss',
  oidcAud: 'oidcAud',
  oidcAzp: 'oidcAzp',
  oidcSub: 'oidcSub',
  oidcAmr: 'oidcAmr',
  oidcExp: 'oidcExp',
  wait: 'waitMinutes',
};

const AREAS = new Set(['tags', 'samlRoles', 'samlAttributes', 'sessionPolicy']);
const CHECKBOXES = new Set(['mfa']);

/** One line for a step: what it calls, on what, after how long. */
export function stepSummary(step: Step, lang: Lang): string {
  const c = step.call;
  const wait =
    step.advanceMinutes === undefined || step.advanceMinutes === 0
      ? ''
      : `${t(lang, 'afterMinutes', { minutes: step.advanceMinutes })} `;
  const what = ((): string => {
    switch (c.op) {
      case 'Call':
        return `${c.action} ${c.resource}`;
      case 'SwitchRole':
        return `${t(lang, 'op_SwitchRole')} ${c.account} / ${c.roleName}`;
      case 'AssumeRole':
      case 'AssumeRoleWithSAML':
      case 'AssumeRoleWithWebIdentity':
        return `sts:${c.op} ${c.roleArn}`;
      case 'GetFederationToken':
        return `sts:${c.op} ${c.name}`;
      default:
        return `sts:${c.op}`;
    }
  })();
  return `${wait}${what}`;
}

function opLabel(op: StsOp, lang: Lang): string {
  if (op === 'Call') return t(lang, 'op_Call');
  if (op === 'SwitchRole') return t(lang, 'op_SwitchRole');
  return `sts:${op}`;
}

interface CallerOption {
  readonly value: string;
  readonly label: string;
}

/** The callers the form offers, grouped: users, roles (a workload running as one), providers. */
export function callerGroups(
  s: Scenario,
  lang: Lang,
): { label: string; options: CallerOption[] }[] {
  const idps = idpCallers(s);
  return [
    {
      label: t(lang, 'callerGroupUsers'),
      options: userArns(s).map((u) => ({ value: u, label: u })),
    },
    {
      label: t(lang, 'callerGroupRoles'),
      options: roleArns(s).map((r) => ({
        value: r,
        label: t(lang, 'callerWorkload', { name: r }),
      })),
    },
    {
      label: t(lang, 'callerGroupIdps'),
      options: idps.map((c) => ({
        value: c.value,
        label: t(lang, c.kind === 'saml' ? 'callerSamlProvider' : 'callerOidcProvider', {
          name: c.name,
        }),
      })),
    },
  ].filter((g) => g.options.length > 0);
}

/** Options for the sessions the learner holds, as callers. */
export function sessionOptions(sessions: readonly Session[], lang: Lang): Element[] {
  return sessions.map((session) =>
    el(
      'option',
      { value: `session:${session.credentials.accessKeyId}` },
      t(lang, 'callerSession', { name: session.arn }),
    ),
  );
}

function fieldControl(domId: string, name: string, value: string | boolean): Element {
  const id = `${domId}-f-${name}`;
  if (CHECKBOXES.has(name))
    return el('input', { type: 'checkbox', id, name, checked: value === true });
  if (AREAS.has(name))
    return el(
      'textarea',
      { id, name, rows: name === 'sessionPolicy' ? 4 : 2, spellcheck: 'false' },
      String(value),
    );
  const attrs: Record<string, string | number | boolean> = {
    id,
    name,
    value: String(value),
    autocomplete: 'off',
    spellcheck: 'false',
  };
  if (name === 'roleArn') attrs['list'] = `${domId}-roles`;
  if (name === 'duration' || name === 'wait' || name === 'samlSessionDuration')
    attrs['inputmode'] = 'numeric';
  return el('input', attrs);
}

function fieldRow(
  domId: string,
  name: string,
  value: string | boolean,
  visible: boolean,
  lang: Lang,
): Element {
  const label = t(lang, FIELD_LABELS[name] ?? 'operation');
  const control = fieldControl(domId, name, value);
  return CHECKBOXES.has(name)
    ? el(
        'div',
        { class: 'sb-field sb-check', 'data-field': name, hidden: !visible },
        control,
        el('label', { for: `${domId}-f-${name}` }, label),
      )
    : el(
        'div',
        { class: 'sb-field', 'data-field': name, hidden: !visible },
        el('label', { for: `${domId}-f-${name}` }, label),
        control,
      );
}

/** Every field name any operation uses, in the form's order. */
export const ALL_FIELDS: readonly string[] = [
  ...new Set(['wait', ...FORM_OPERATIONS.flatMap((op) => FIELDS_BY_OP[op])]),
];

/** The list of the attempt's steps, each selectable, with its result once it ran. */
export function stepsView(
  draft: AttemptDraft,
  editStep: number,
  run: RunState | null,
  lang: Lang,
): Element {
  const ran = run !== null && run.draft === draft ? run : null;
  return el(
    'ol',
    { class: 'sb-steps' },
    ...draft.attempt.steps.map((step, i) => {
      const result = ran?.result.steps[i];
      const decision = result === undefined ? undefined : decisionName(verdictOf(result.outcome));
      return el(
        'li',
        {
          class: `sb-step-item${i === editStep ? ' is-current' : ''}`,
          'data-step-index': i,
          'data-step-decision': decision,
        },
        el(
          'button',
          {
            type: 'button',
            class: 'sb-linkish',
            'data-action': 'select-step',
            'data-index': i,
            'aria-pressed': i === editStep ? 'true' : 'false',
          },
          `${t(lang, 'stepN', { n: i + 1 })}: ${stepSummary(step, lang)}`,
        ),
        decision !== undefined &&
          el(
            'span',
            { class: `sb-step-result is-${decision === 'allowed' ? 'allow' : 'deny'}` },
            ` — ${decisionWords(decision, lang)}`,
          ),
        ran !== null &&
          result === undefined &&
          el('span', { class: 'sb-step-result' }, ` — ${t(lang, 'stepNotRun')}`),
        draft.attempt.steps.length > 1 &&
          el(
            'button',
            {
              type: 'button',
              class: 'sb-btn sb-small',
              'data-action': 'remove-step',
              'data-index': i,
              'aria-label': t(lang, 'removeStepN', { n: i + 1 }),
            },
            t(lang, 'removeStep'),
          ),
      );
    }),
  );
}

/** `allowed` / `explicitDeny` / `implicitDeny` / `error:Code` in words. */
export function decisionWords(decision: string, lang: Lang): string {
  if (decision.startsWith('error:')) return t(lang, 'decision_error', { code: decision.slice(6) });
  if (decision === 'allowed' || decision === 'explicitDeny' || decision === 'implicitDeny')
    return VERDICT_LABEL[decision][lang];
  if (decision === 'denied') return t(lang, 'decision_denied');
  return decision;
}

export function attemptForm(
  s: Scenario,
  draft: AttemptDraft,
  editStep: number,
  domId: string,
  lang: Lang,
): Element {
  const fields: StepFields = formFields(s, draft, editStep);
  const visible = visibleFields(s, draft, editStep);
  const caller = String(fields['caller']);
  const groups = callerGroups(s, lang);
  const known = groups.some((g) => g.options.some((o) => o.value === caller));
  const callerSelect = el(
    'select',
    { id: `${domId}-caller`, name: 'caller' },
    ...groups.map((g) =>
      el(
        'optgroup',
        { label: g.label },
        ...g.options.map((o) =>
          el('option', { value: o.value, selected: o.value === caller }, o.label),
        ),
      ),
    ),
    !known && caller !== '' && el('option', { value: caller, selected: true }, caller),
    el('optgroup', { label: t(lang, 'callerGroupSessions'), 'data-session-options': true }),
  );
  const op = String(fields['op']);
  const rows: Node[] = ALL_FIELDS.map((name) =>
    fieldRow(
      domId,
      name,
      fields[name] ?? (CHECKBOXES.has(name) ? false : ''),
      visible.has(name),
      lang,
    ),
  );
  return el(
    'form',
    {
      id: `${domId}-form`,
      class: 'sb-attempt-form',
      'data-attempt-form': true,
      'aria-labelledby': `${domId}-attempt-h`,
    },
    el(
      'p',
      { class: 'sb-note', 'data-attempt-note': true, hidden: draft.source.kind !== 'custom' },
      customNote(s, draft, lang),
    ),
    el(
      'div',
      { class: 'sb-field', 'data-field': 'caller' },
      el('label', { for: `${domId}-caller` }, t(lang, 'caller')),
      callerSelect,
    ),
    el(
      'div',
      { class: 'sb-field', 'data-field': 'signIn', hidden: !visible.has('signIn') },
      el('label', { for: `${domId}-signIn` }, t(lang, 'signIn')),
      el(
        'select',
        { id: `${domId}-signIn`, name: 'signIn' },
        ...(['access-keys', 'console', 'console-mfa'] as const).map((v) =>
          el('option', { value: v, selected: fields['signIn'] === v }, t(lang, `signIn_${v}`)),
        ),
      ),
    ),
    el('p', { class: 'sb-steps-h' }, el('strong', {}, t(lang, 'steps'))),
    el('div', { 'data-steps': true }, stepsView(draft, editStep, null, lang)),
    el(
      'fieldset',
      { class: 'sb-params', 'data-step-editor': true },
      el('legend', { 'data-step-legend': true }, t(lang, 'editingStepN', { n: editStep + 1 })),
      el(
        'div',
        { class: 'sb-field', 'data-field': 'op' },
        el('label', { for: `${domId}-op` }, t(lang, 'operation')),
        el(
          'select',
          { id: `${domId}-op`, name: 'op' },
          ...FORM_OPERATIONS.map((o) =>
            el('option', { value: o, selected: o === op }, opLabel(o, lang)),
          ),
        ),
      ),
      el(
        'p',
        {
          class: 'sb-note',
          'data-federated-note': true,
          hidden: !FEDERATED_OPS.includes(op as StsOp),
        },
        t(lang, 'federatedNote'),
      ),
      ...rows,
      el(
        'datalist',
        { id: `${domId}-roles` },
        ...roleArns(s).map((r) => el('option', { value: r })),
      ),
    ),
    el(
      'div',
      { class: 'sb-row' },
      el(
        'button',
        { type: 'button', class: 'sb-btn', 'data-action': 'add-step' },
        t(lang, 'addStep'),
      ),
    ),
  );
}

/**
 * The attempt to run and the buttons that run it: in the sandbox's dock, which stays in view
 * while the learner edits a policy. Its controls belong to the attempt form (`form=`).
 */
export function attemptBar(s: Scenario, draft: AttemptDraft, domId: string, lang: Lang): Element {
  const list = presets(s);
  const selectValue = draft.source.kind === 'custom' ? CUSTOM : draft.source.id;
  const option = (value: string, label: string): Element =>
    el('option', { value, selected: value === selectValue }, label);
  const group = (kind: 'preset' | 'goal', label: string): Element[] =>
    list.some((p) => p.kind === kind)
      ? [
          el(
            'optgroup',
            { label },
            ...list
              .filter((p) => p.kind === kind)
              .map((p) => option(p.attempt.id, plain(p.attempt.title[lang]))),
          ),
        ]
      : [];
  const form = `${domId}-form`;
  return el(
    'div',
    { class: 'sb-attempt-bar' },
    el(
      'div',
      { class: 'sb-field sb-presets' },
      el('label', { for: `${domId}-preset` }, t(lang, 'attempt')),
      el(
        'select',
        { id: `${domId}-preset`, name: 'preset', form, 'data-attempt-select': true },
        ...group('preset', t(lang, 'readyMadeAttempts')),
        ...group('goal', t(lang, 'goals')),
        option(CUSTOM, t(lang, 'customAttempt')),
      ),
    ),
    el(
      'div',
      { class: 'sb-row' },
      el(
        'button',
        {
          type: 'submit',
          form,
          class: 'sb-btn sb-primary',
          'data-action': 'run',
          'data-run': true,
        },
        t(lang, 'run'),
      ),
      el('button', { type: 'button', class: 'sb-btn', 'data-action': 'step' }, t(lang, 'step')),
      el(
        'button',
        { type: 'button', class: 'sb-btn', 'data-action': 'reset-run' },
        t(lang, 'reset'),
      ),
    ),
  );
}

/** "Your own attempt, changed from …" — the learner sees that the preset no longer runs as is. */
export function customNote(s: Scenario, draft: AttemptDraft, lang: Lang): string {
  if (draft.source.kind !== 'custom') return '';
  const basedOn = draft.source.basedOn;
  const from = basedOn === null ? undefined : presets(s).find((p) => p.attempt.id === basedOn);
  return from === undefined
    ? t(lang, 'customAttemptNote')
    : t(lang, 'customAttemptFrom', { title: plain(from.attempt.title[lang]) });
}
