// The attempt form: who calls, which operation, and its parameters. Field names are the
// keys of SandboxState.attempt, so the form, persistence and share links agree.
import { el, type Element, type Node } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import type { Scenario } from '../../../sandbox/scenario/types.ts';

export type AttemptFields = Readonly<Record<string, string | boolean | number>>;

export const OPERATIONS = ['AssumeRole', 'GetSessionToken', 'GetCallerIdentity', 'Call'] as const;

export function userArns(s: Scenario): string[] {
  return s.world.accounts.flatMap((a) =>
    (a.users ?? []).map((u) => `arn:aws:iam::${a.id}:user${u.path ?? '/'}${u.name}`),
  );
}

export function roleArns(s: Scenario): string[] {
  return s.world.accounts.flatMap((a) =>
    (a.roles ?? []).map((r) => `arn:aws:iam::${a.id}:role${r.path ?? '/'}${r.name}`),
  );
}

/** The form's start: the scenario's first attempt (or goal) as the author set it up. */
export function startFields(s: Scenario): AttemptFields {
  const first = s.attempts[0] ?? s.goals[0];
  const call = first?.steps[0]?.call;
  const users = userArns(s);
  const as = first?.as;
  const caller =
    as === undefined
      ? (users[0] ?? '')
      : as.startsWith('arn:')
        ? as
        : (users.find((u) => u.endsWith(`/${as}`)) ?? as);
  return {
    caller,
    op:
      call?.op !== undefined && (OPERATIONS as readonly string[]).includes(call.op)
        ? call.op
        : 'AssumeRole',
    roleArn: call !== undefined && 'roleArn' in call ? call.roleArn : (roleArns(s)[0] ?? ''),
    externalId: call !== undefined && 'externalId' in call ? (call.externalId ?? '') : '',
    mfa: call !== undefined && 'mfa' in call ? (call.mfa ?? false) : false,
    duration:
      call !== undefined && 'durationSeconds' in call ? (call.durationSeconds ?? 3600) : 3600,
    sessionName:
      call !== undefined && 'roleSessionName' in call
        ? (call.roleSessionName ?? 'learner')
        : 'learner',
    tags: '',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::example-bucket/report.csv',
  };
}

function field(id: string, label: string, control: Element): Element {
  return el('div', { class: 'sb-field' }, el('label', { for: id }, label), control);
}

function select(
  id: string,
  name: string,
  options: readonly { value: string; label: string }[],
  value: string,
): Element {
  return el(
    'select',
    { id, name },
    ...options.map((o) => el('option', { value: o.value, selected: o.value === value }, o.label)),
  );
}

export function attemptForm(
  s: Scenario,
  fields: AttemptFields,
  domId: string,
  lang: Lang,
): Element {
  const str = (k: string): string => String(fields[k] ?? '');
  const presets: Node[] = [...s.attempts, ...s.goals].map((a) =>
    el('option', { value: a.id }, a.title[lang]),
  );
  return el(
    'form',
    {
      class: 'sb-attempt-form',
      'data-attempt-form': true,
      'aria-labelledby': `${domId}-attempt-h`,
    },
    presets.length > 0 &&
      el(
        'div',
        { class: 'sb-field sb-presets' },
        el('label', { for: `${domId}-preset` }, t(lang, 'attempt')),
        el(
          'select',
          { id: `${domId}-preset`, name: 'preset', 'data-preset': true },
          el('option', { value: '' }, '—'),
          ...presets,
        ),
      ),
    field(
      `${domId}-caller`,
      t(lang, 'caller'),
      select(
        `${domId}-caller`,
        'caller',
        userArns(s).map((u) => ({ value: u, label: u })),
        str('caller'),
      ),
    ),
    field(
      `${domId}-op`,
      t(lang, 'operation'),
      select(
        `${domId}-op`,
        'op',
        OPERATIONS.map((o) => ({ value: o, label: `sts:${o}`.replace('sts:Call', '…') })),
        str('op'),
      ),
    ),
    el(
      'fieldset',
      { class: 'sb-params', 'data-for-op': 'AssumeRole', hidden: str('op') !== 'AssumeRole' },
      field(
        `${domId}-role`,
        t(lang, 'role'),
        select(
          `${domId}-role`,
          'roleArn',
          roleArns(s).map((r) => ({ value: r, label: r })),
          str('roleArn'),
        ),
      ),
      field(
        `${domId}-extid`,
        t(lang, 'externalId'),
        el('input', {
          id: `${domId}-extid`,
          name: 'externalId',
          value: str('externalId'),
          autocomplete: 'off',
        }),
      ),
      field(
        `${domId}-sname`,
        t(lang, 'sessionName'),
        el('input', {
          id: `${domId}-sname`,
          name: 'sessionName',
          value: str('sessionName'),
          autocomplete: 'off',
        }),
      ),
      field(
        `${domId}-tags`,
        t(lang, 'tags'),
        el('textarea', { id: `${domId}-tags`, name: 'tags', rows: 2 }, str('tags')),
      ),
    ),
    el(
      'fieldset',
      {
        class: 'sb-params',
        'data-for-op': 'AssumeRole GetSessionToken',
        hidden: !['AssumeRole', 'GetSessionToken'].includes(str('op')),
      },
      el(
        'div',
        { class: 'sb-field sb-check' },
        el('input', {
          type: 'checkbox',
          id: `${domId}-mfa`,
          name: 'mfa',
          checked: fields['mfa'] === true,
        }),
        el('label', { for: `${domId}-mfa` }, t(lang, 'mfa')),
      ),
      field(
        `${domId}-dur`,
        t(lang, 'duration'),
        el('input', {
          id: `${domId}-dur`,
          name: 'duration',
          type: 'number',
          min: 900,
          max: 129600,
          step: 1,
          value: str('duration'),
        }),
      ),
    ),
    el(
      'fieldset',
      { class: 'sb-params', 'data-for-op': 'Call', hidden: str('op') !== 'Call' },
      field(
        `${domId}-action`,
        t(lang, 'action'),
        el('input', {
          id: `${domId}-action`,
          name: 'action',
          value: str('action'),
          autocomplete: 'off',
        }),
      ),
      field(
        `${domId}-resource`,
        t(lang, 'resource'),
        el('input', {
          id: `${domId}-resource`,
          name: 'resource',
          value: str('resource'),
          autocomplete: 'off',
        }),
      ),
    ),
    el(
      'div',
      { class: 'sb-row' },
      el(
        'button',
        { type: 'submit', class: 'sb-btn sb-primary', 'data-action': 'run' },
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
