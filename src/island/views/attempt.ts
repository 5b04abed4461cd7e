// The attempt form: who calls, which operation, and its parameters. Field names are the
// keys of SandboxState.attempt, so the form, persistence and share links agree.
import { el, type Element, type Node } from '../../dom/tree.ts';
import { t, type Lang, type StringKey } from '../../i18n/strings.ts';
import type { Scenario } from '../../../sandbox/scenario/types.ts';
import type { StsCall } from '../../../sandbox/sts/types.ts';

export type AttemptFields = Readonly<Record<string, string | boolean | number>>;

export const OPERATIONS = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetSessionToken',
  'GetCallerIdentity',
  'Call',
] as const;

/** Operations whose caller is an identity provider's assertion or token, not credentials. */
export const FEDERATED_OPS: readonly string[] = ['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'];

export interface IdpCaller {
  /** The form's caller value: the provider's ARN, or the host of a provider AWS knows built in. */
  readonly value: string;
  readonly kind: 'saml' | 'oidc';
  readonly name: string;
  /** What the provider puts in `Issuer` / `iss`. */
  readonly issuer: string;
}

const hostOf = (iss: string): string => iss.replace(/^https:\/\//, '').replace(/\/$/, '');

/**
 * The identity providers a learner can call as: the world's SAML and OIDC providers, plus the
 * built-in web identity providers (Cognito, Google…) that the scenario's tokens name.
 */
export function idpCallers(s: Scenario): IdpCaller[] {
  const out: IdpCaller[] = [];
  for (const a of s.world.accounts) {
    for (const p of a.samlProviders ?? [])
      out.push({
        value: `arn:aws:iam::${a.id}:saml-provider/${p.name}`,
        kind: 'saml',
        name: p.name,
        issuer: p.issuer,
      });
    for (const p of a.oidcProviders ?? [])
      out.push({
        value: `arn:aws:iam::${a.id}:oidc-provider/${p.url}`,
        kind: 'oidc',
        name: p.url,
        issuer: `https://${p.url}`,
      });
  }
  for (const a of [...s.attempts, ...s.goals]) {
    for (const step of a.steps) {
      if (step.call.op !== 'AssumeRoleWithWebIdentity') continue;
      const host = hostOf(step.call.token.iss);
      if (out.some((c) => c.kind === 'oidc' && c.name === host)) continue;
      out.push({ value: host, kind: 'oidc', name: host, issuer: step.call.token.iss });
    }
  }
  return out;
}

/** The provider a federated call comes from, as a caller value of `idpCallers`. */
export function idpOfCall(s: Scenario, call: StsCall): string | undefined {
  if (call.op === 'AssumeRoleWithSAML') return call.principalArn;
  if (call.op !== 'AssumeRoleWithWebIdentity') return undefined;
  const host = hostOf(call.token.iss);
  return idpCallers(s).find((c) => c.kind === 'oidc' && c.name === host)?.value ?? host;
}

/**
 * Form fields for a federated call's assertion or token (keys `saml*` / `oidc*`); blanks for
 * any other call, so the start state names every input the form renders.
 */
function federatedFields(
  call: StsCall | undefined,
  clockStart: number,
): Record<string, string | number> {
  const blank = {
    samlIssuer: '',
    samlRecipient: '',
    samlAudience: '',
    samlNameId: '',
    samlNameIdFormat: '',
    samlRoles: '',
    samlSessionName: '',
    samlSessionDuration: '',
    samlNotOnOrAfter: '',
    samlAttributes: '',
    oidcIss: '',
    oidcAud: '',
    oidcAzp: '',
    oidcSub: '',
    oidcAmr: '',
    oidcExp: Math.floor(clockStart / 1000) + 3600,
  };
  if (call?.op === 'AssumeRoleWithSAML') {
    const a = call.assertion;
    return {
      ...blank,
      samlIssuer: a.issuer,
      samlRecipient: a.recipient,
      samlAudience: a.audience,
      samlNameId: a.nameId,
      samlNameIdFormat: a.nameIdFormat ?? '',
      samlRoles: a.roles.join('\n'),
      samlSessionName: a.roleSessionName,
      samlSessionDuration: a.sessionDuration === undefined ? '' : String(a.sessionDuration),
      samlNotOnOrAfter: a.notOnOrAfter,
      samlAttributes: Object.entries(a.attributes ?? {})
        .map(([k, v]) => `${k}=${v.join(',')}`)
        .join('\n'),
    };
  }
  if (call?.op === 'AssumeRoleWithWebIdentity') {
    const c = call.token;
    return {
      ...blank,
      oidcIss: c.iss,
      oidcAud: c.aud,
      oidcAzp: c.azp ?? '',
      oidcSub: c.sub,
      oidcAmr: (c.amr ?? []).join(','),
      oidcExp: c.exp,
    };
  }
  return blank;
}

/** Fields for a provider the learner picked: its first attempt or goal, else a plain start. */
export function fieldsForIdp(s: Scenario, value: string): AttemptFields {
  const clockStart = s.clockStart;
  const idp = idpCallers(s).find((c) => c.value === value);
  const first = [...s.attempts, ...s.goals].find((a) => {
    const call = a.steps[0]?.call;
    return call !== undefined && idpOfCall(s, call) === value;
  });
  if (first !== undefined) return startFields({ ...s, attempts: [first], goals: [] });
  const account = /^arn:aws:iam::(\d{12}):/.exec(value)?.[1];
  const role = roleArns(s).find((r) => account === undefined || r.includes(`::${account}:`)) ?? '';
  const base = { ...startFields({ ...s, attempts: [], goals: [] }) };
  if (idp?.kind === 'saml')
    return {
      ...base,
      caller: value,
      op: 'AssumeRoleWithSAML',
      roleArn: role,
      samlIssuer: idp.issuer,
      samlRecipient: 'https://signin.aws.amazon.com/saml',
      samlAudience: 'urn:amazon:webservices',
      samlNameId: 'learner@example.com',
      samlNameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      samlRoles: `${role},${value}`,
      samlSessionName: 'learner@example.com',
      samlSessionDuration: '',
      samlNotOnOrAfter: '+5m',
      samlAttributes: '',
    };
  return {
    ...base,
    caller: value,
    op: 'AssumeRoleWithWebIdentity',
    roleArn: role,
    oidcIss: idp?.issuer ?? `https://${value}`,
    oidcAud: 'sts.amazonaws.com',
    oidcAzp: '',
    oidcSub: 'learner',
    oidcAmr: '',
    oidcExp: Math.floor(clockStart / 1000) + 3600,
  };
}

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
  const idp = call === undefined ? undefined : idpOfCall(s, call);
  const caller =
    idp !== undefined
      ? idp
      : as === undefined
        ? (users[0] ?? idpCallers(s)[0]?.value ?? '')
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
    ...federatedFields(call, s.clockStart),
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
  const idps = idpCallers(s);
  const hasSaml = idps.some((c) => c.kind === 'saml');
  const hasOidc = idps.some((c) => c.kind === 'oidc');
  const ops = OPERATIONS.filter(
    (o) =>
      (o !== 'AssumeRoleWithSAML' || hasSaml) && (o !== 'AssumeRoleWithWebIdentity' || hasOidc),
  );
  const op = str('op');
  const params = (forOps: readonly string[], ...children: (Node | false)[]): Element =>
    el(
      'fieldset',
      { class: 'sb-params', 'data-for-op': forOps.join(' '), hidden: !forOps.includes(op) },
      ...children,
    );
  const text = (
    key: string,
    label: StringKey,
    attrs: Record<string, string | number> = {},
  ): Element =>
    field(
      `${domId}-${key}`,
      t(lang, label),
      el('input', {
        id: `${domId}-${key}`,
        name: key,
        value: str(key),
        autocomplete: 'off',
        spellcheck: 'false',
        ...attrs,
      }),
    );
  const area = (key: string, label: StringKey): Element =>
    field(
      `${domId}-${key}`,
      t(lang, label),
      el('textarea', { id: `${domId}-${key}`, name: key, rows: 2, spellcheck: 'false' }, str(key)),
    );
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
        [
          ...userArns(s).map((u) => ({ value: u, label: u })),
          ...idps.map((c) => ({
            value: c.value,
            label: t(lang, c.kind === 'saml' ? 'callerSamlProvider' : 'callerOidcProvider', {
              name: c.name,
            }),
          })),
        ],
        str('caller'),
      ),
    ),
    field(
      `${domId}-op`,
      t(lang, 'operation'),
      select(
        `${domId}-op`,
        'op',
        ops.map((o) => ({ value: o, label: `sts:${o}`.replace('sts:Call', '…') })),
        str('op'),
      ),
    ),
    params(
      ['AssumeRole', ...FEDERATED_OPS],
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
    ),
    params(
      ['AssumeRole', 'AssumeRoleWithWebIdentity'],
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
    ),
    hasSaml &&
      params(
        ['AssumeRoleWithSAML'],
        el('legend', {}, t(lang, 'samlAssertion')),
        el('p', { class: 'sb-note' }, t(lang, 'federatedNote')),
        text('samlIssuer', 'samlIssuer'),
        text('samlRecipient', 'samlRecipient'),
        text('samlAudience', 'samlAudience'),
        text('samlNameId', 'samlNameId'),
        text('samlNameIdFormat', 'samlNameIdFormat'),
        area('samlRoles', 'samlRoles'),
        text('samlSessionName', 'samlSessionName'),
        text('samlSessionDuration', 'samlSessionDuration', { inputmode: 'numeric' }),
        text('samlNotOnOrAfter', 'samlNotOnOrAfter'),
        area('samlAttributes', 'samlAttributes'),
      ),
    hasOidc &&
      params(
        ['AssumeRoleWithWebIdentity'],
        el('legend', {}, t(lang, 'oidcToken')),
        el('p', { class: 'sb-note' }, t(lang, 'federatedNote')),
        text('oidcIss', 'oidcIss'),
        text('oidcAud', 'oidcAud'),
        text('oidcAzp', 'oidcAzp'),
        text('oidcSub', 'oidcSub'),
        text('oidcAmr', 'oidcAmr'),
        text('oidcExp', 'oidcExp', { type: 'number', min: 0, step: 1 }),
      ),
    params(
      ['AssumeRole'],
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
        `${domId}-tags`,
        t(lang, 'tags'),
        el('textarea', { id: `${domId}-tags`, name: 'tags', rows: 2 }, str('tags')),
      ),
    ),
    params(
      ['AssumeRole', 'GetSessionToken'],
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
    ),
    params(
      ['AssumeRole', 'GetSessionToken', ...FEDERATED_OPS],
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
    params(
      ['Call'],
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
