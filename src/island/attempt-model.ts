// The attempt the sandbox runs, and the form as a view of it. An attempt is the scenario's own
// call sequence (who calls, then steps that each use the previous step's credentials); a
// preset and a goal are attempts as the author wrote them, and the learner's edits change
// one field of one step at a time, so parameters the form has no field for survive an edit.
// No DOM here: the controller and its tests use this in Node.
import type { Attempt, Scenario, SignIn, Step } from '../../sandbox/scenario/types.ts';
import type {
  AssumeRoleWithSamlCall,
  AssumeRoleWithWebIdentityCall,
  StsCall,
  StsOp,
} from '../../sandbox/sts/types.ts';
import type { Tag } from '../../sandbox/world/types.ts';

/** Where the attempt on the form came from. */
export type AttemptSource =
  | { readonly kind: 'preset' | 'goal'; readonly id: string }
  | { readonly kind: 'custom'; readonly basedOn: string | null };

export interface AttemptDraft {
  readonly source: AttemptSource;
  readonly attempt: Attempt;
  /** A session the learner already holds makes the first call (its access key id). */
  readonly fromSession: string | null;
}

/** The operations the form offers, in its order. */
export const FORM_OPERATIONS: readonly StsOp[] = [
  'AssumeRole',
  'SwitchRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetSessionToken',
  'GetFederationToken',
  'AssumeRoot',
  'GetCallerIdentity',
  'Call',
];

/** Operations whose caller is an identity provider's assertion or token, not credentials. */
export const FEDERATED_OPS: readonly StsOp[] = ['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'];

export type FieldValue = string | boolean;
export type StepFields = Readonly<Record<string, FieldValue>>;

/** Which form fields apply to each operation; the form hides the others. */
export const FIELDS_BY_OP: Readonly<Record<StsOp, readonly string[]>> = {
  AssumeRole: [
    'roleArn',
    'sessionName',
    'externalId',
    'mfa',
    'mfaSerial',
    'mfaCode',
    'duration',
    'tags',
    'transitiveTagKeys',
    'sourceIdentity',
  ],
  SwitchRole: ['account', 'roleName', 'displayName'],
  AssumeRoleWithSAML: [
    'roleArn',
    'duration',
    'samlIssuer',
    'samlRecipient',
    'samlAudience',
    'samlNameId',
    'samlNameIdFormat',
    'samlRoles',
    'samlSessionName',
    'samlSessionDuration',
    'samlNotOnOrAfter',
    'samlAttributes',
  ],
  AssumeRoleWithWebIdentity: [
    'roleArn',
    'sessionName',
    'duration',
    'oidcIss',
    'oidcAud',
    'oidcAzp',
    'oidcSub',
    'oidcAmr',
    'oidcExp',
  ],
  GetSessionToken: ['duration', 'mfa', 'mfaSerial', 'mfaCode'],
  GetFederationToken: ['fedName', 'duration', 'sessionPolicy'],
  AssumeRoot: ['targetPrincipal', 'taskPolicyArn', 'duration'],
  GetCallerIdentity: [],
  Call: ['action', 'resource'],
};

const str = (v: FieldValue | undefined): string => (typeof v === 'string' ? v.trim() : '');
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const list = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
const numberOrUndefined = (text: string): number | undefined => {
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};

function tagsText(tags: readonly Tag[] | undefined): string {
  return (tags ?? []).map((tag) => `${tag.key}=${tag.value}`).join('\n');
}

function parseTags(text: string): Tag[] {
  return lines(text).map((line) => {
    const at = line.indexOf('=');
    return at < 0
      ? { key: line, value: '' }
      : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
  });
}

/** The form's fields for one step: its operation, its parameters and the wait before it. */
export function stepFields(step: Step): StepFields {
  const c = step.call;
  const base = { op: c.op, wait: String(step.advanceMinutes ?? '') };
  switch (c.op) {
    case 'AssumeRole':
      return {
        ...base,
        roleArn: c.roleArn,
        sessionName: c.roleSessionName ?? '',
        externalId: c.externalId ?? '',
        mfa: c.mfa === true,
        mfaSerial: c.serialNumber ?? '',
        mfaCode: c.tokenCode ?? '',
        duration: String(c.durationSeconds ?? ''),
        tags: tagsText(c.tags),
        transitiveTagKeys: (c.transitiveTagKeys ?? []).join(', '),
        sourceIdentity: c.sourceIdentity ?? '',
      };
    case 'SwitchRole':
      return {
        ...base,
        account: c.account,
        roleName: c.roleName,
        displayName: c.displayName ?? '',
      };
    case 'AssumeRoleWithSAML': {
      const a = c.assertion;
      return {
        ...base,
        roleArn: c.roleArn,
        duration: String(c.durationSeconds ?? ''),
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
    case 'AssumeRoleWithWebIdentity': {
      const tk = c.token;
      return {
        ...base,
        roleArn: c.roleArn,
        sessionName: c.roleSessionName,
        duration: String(c.durationSeconds ?? ''),
        oidcIss: tk.iss,
        oidcAud: tk.aud,
        oidcAzp: tk.azp ?? '',
        oidcSub: tk.sub,
        oidcAmr: (tk.amr ?? []).join(', '),
        oidcExp: String(tk.exp),
      };
    }
    case 'GetSessionToken':
      return {
        ...base,
        duration: String(c.durationSeconds ?? ''),
        mfa: c.mfa === true,
        mfaSerial: c.serialNumber ?? '',
        mfaCode: c.tokenCode ?? '',
      };
    case 'GetFederationToken':
      return {
        ...base,
        fedName: c.name,
        duration: String(c.durationSeconds ?? ''),
        sessionPolicy: c.policy ?? '',
      };
    case 'AssumeRoot':
      return {
        ...base,
        targetPrincipal: c.targetPrincipal,
        taskPolicyArn: c.taskPolicyArn,
        duration: String(c.durationSeconds ?? ''),
      };
    case 'GetCallerIdentity':
      return base;
    case 'Call':
      return { ...base, action: c.action, resource: c.resource };
  }
}

/** Sets or clears an optional property without writing `undefined` into the call. */
function withOptional<T extends object>(obj: T, key: string, value: unknown): T {
  const out = new Map(Object.entries(obj));
  if (value === undefined || value === '') out.delete(key);
  else out.set(key, value);
  return Object.fromEntries(out) as T;
}

function withSaml(
  c: AssumeRoleWithSamlCall,
  name: string,
  value: FieldValue,
): AssumeRoleWithSamlCall {
  const v = str(value);
  const a = c.assertion;
  const assertion = ((): AssumeRoleWithSamlCall['assertion'] => {
    switch (name) {
      case 'samlIssuer':
        return { ...a, issuer: v };
      case 'samlRecipient':
        return { ...a, recipient: v };
      case 'samlAudience':
        return { ...a, audience: v };
      case 'samlNameId':
        return { ...a, nameId: v };
      case 'samlNameIdFormat':
        return withOptional(a, 'nameIdFormat', v);
      case 'samlRoles':
        return { ...a, roles: lines(v) };
      case 'samlSessionName':
        return { ...a, roleSessionName: v };
      case 'samlSessionDuration':
        return withOptional(a, 'sessionDuration', numberOrUndefined(v));
      case 'samlNotOnOrAfter':
        return { ...a, notOnOrAfter: v };
      case 'samlAttributes': {
        const attributes: Record<string, string[]> = {};
        for (const line of lines(v)) {
          const at = line.indexOf('=');
          attributes[(at < 0 ? line : line.slice(0, at)).trim()] =
            at < 0 ? [] : list(line.slice(at + 1));
        }
        return withOptional(
          a,
          'attributes',
          Object.keys(attributes).length === 0 ? undefined : attributes,
        );
      }
      default:
        return a;
    }
  })();
  return { ...c, assertion };
}

function withOidc(
  c: AssumeRoleWithWebIdentityCall,
  name: string,
  value: FieldValue,
): AssumeRoleWithWebIdentityCall {
  const v = str(value);
  const tk = c.token;
  const token = ((): AssumeRoleWithWebIdentityCall['token'] => {
    switch (name) {
      case 'oidcIss':
        return { ...tk, iss: v };
      case 'oidcAud':
        return { ...tk, aud: v };
      case 'oidcAzp':
        return withOptional(tk, 'azp', v);
      case 'oidcSub':
        return { ...tk, sub: v };
      case 'oidcAmr': {
        const amr = list(v);
        return withOptional(tk, 'amr', amr.length === 0 ? undefined : amr);
      }
      case 'oidcExp':
        return { ...tk, exp: numberOrUndefined(v) ?? 0 };
      default:
        return tk;
    }
  })();
  return { ...c, token };
}

/** The call with one form field changed; fields that do not apply to its operation are ignored. */
export function withCallField(call: StsCall, name: string, value: FieldValue): StsCall {
  const v = str(value);
  if (name === 'duration' && 'durationSeconds' in call)
    return withOptional(call, 'durationSeconds', numberOrUndefined(v));
  if (name === 'duration' && FIELDS_BY_OP[call.op].includes('duration'))
    return withOptional(call, 'durationSeconds', numberOrUndefined(v));
  switch (call.op) {
    case 'AssumeRole':
      switch (name) {
        case 'roleArn':
          return { ...call, roleArn: v };
        case 'sessionName':
          return withOptional(call, 'roleSessionName', v);
        case 'externalId':
          return withOptional(call, 'externalId', v);
        case 'mfa':
          return withOptional(call, 'mfa', value === true ? true : undefined);
        case 'mfaSerial':
          return withOptional(call, 'serialNumber', v);
        case 'mfaCode':
          return withOptional(call, 'tokenCode', v);
        case 'tags': {
          const tags = parseTags(typeof value === 'string' ? value : '');
          return withOptional(call, 'tags', tags.length === 0 ? undefined : tags);
        }
        case 'transitiveTagKeys': {
          const keys = list(v);
          return withOptional(call, 'transitiveTagKeys', keys.length === 0 ? undefined : keys);
        }
        case 'sourceIdentity':
          return withOptional(call, 'sourceIdentity', v);
        default:
          return call;
      }
    case 'SwitchRole':
      if (name === 'account') return { ...call, account: v };
      if (name === 'roleName') return { ...call, roleName: v };
      if (name === 'displayName') return withOptional(call, 'displayName', v);
      return call;
    case 'AssumeRoleWithSAML':
      if (name === 'roleArn') return { ...call, roleArn: v };
      return withSaml(call, name, value);
    case 'AssumeRoleWithWebIdentity':
      if (name === 'roleArn') return { ...call, roleArn: v };
      if (name === 'sessionName') return { ...call, roleSessionName: v };
      return withOidc(call, name, value);
    case 'GetSessionToken':
      if (name === 'mfa') return withOptional(call, 'mfa', value === true ? true : undefined);
      if (name === 'mfaSerial') return withOptional(call, 'serialNumber', v);
      if (name === 'mfaCode') return withOptional(call, 'tokenCode', v);
      return call;
    case 'GetFederationToken':
      if (name === 'fedName') return { ...call, name: v };
      if (name === 'sessionPolicy')
        return withOptional(call, 'policy', typeof value === 'string' ? value : '');
      return call;
    case 'AssumeRoot':
      if (name === 'targetPrincipal') return { ...call, targetPrincipal: v };
      if (name === 'taskPolicyArn') return { ...call, taskPolicyArn: v };
      return call;
    case 'GetCallerIdentity':
      return call;
    case 'Call':
      if (name === 'action') return { ...call, action: v };
      if (name === 'resource') return { ...call, resource: v };
      return call;
  }
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

/** The caller as the form names it: an ARN, a provider, or `session:<access key id>`. */
export function callerValue(s: Scenario, draft: AttemptDraft): string {
  if (draft.fromSession !== null) return `session:${draft.fromSession}`;
  const first = draft.attempt.steps[0]?.call;
  const idp = first === undefined ? undefined : idpOfCall(s, first);
  if (idp !== undefined) return idp;
  const as = draft.attempt.as;
  if (as === undefined) return '';
  if (as.startsWith('arn:')) return as;
  return userArns(s).find((u) => u.endsWith(`/${as}`)) ?? as;
}

/** The fields of the whole form: the caller, how it signed in, and the chosen step. */
export function formFields(s: Scenario, draft: AttemptDraft, stepIndex: number): StepFields {
  const step = draft.attempt.steps[stepIndex] ?? draft.attempt.steps[0];
  return {
    caller: callerValue(s, draft),
    signIn: draft.attempt.signIn ?? 'access-keys',
    ...(step === undefined ? { op: 'AssumeRole' } : stepFields(step)),
  };
}

/** A plain new call of an operation, keeping the role the previous call named. */
export function defaultCall(s: Scenario, op: StsOp, previous: StsCall | undefined): StsCall {
  const roleArn =
    previous !== undefined && 'roleArn' in previous ? previous.roleArn : (roleArns(s)[0] ?? '');
  switch (op) {
    case 'AssumeRole':
      return { op, roleArn, roleSessionName: 'learner' };
    case 'SwitchRole': {
      const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
      return { op, account: m?.[1] ?? '', roleName: m?.[2] ?? '' };
    }
    case 'AssumeRoleWithSAML':
    case 'AssumeRoleWithWebIdentity': {
      const idp = idpCallers(s).find(
        (c) => c.kind === (op === 'AssumeRoleWithSAML' ? 'saml' : 'oidc'),
      );
      return idp === undefined ? { op: 'AssumeRole', roleArn } : federatedCall(s, idp, roleArn);
    }
    case 'GetSessionToken':
      return { op };
    case 'GetFederationToken':
      return { op, name: 'learner' };
    case 'AssumeRoot':
      return {
        op,
        targetPrincipal: s.world.accounts[1]?.id ?? s.world.accounts[0]?.id ?? '',
        taskPolicyArn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials',
      };
    case 'GetCallerIdentity':
      return { op };
    case 'Call':
      return { op, action: 's3:GetObject', resource: firstObjectArn(s) };
  }
}

function firstObjectArn(s: Scenario): string {
  for (const a of s.world.accounts)
    for (const b of a.buckets ?? [])
      return `arn:aws:s3:::${b.name}/${b.objects?.[0] ?? 'example.txt'}`;
  return 'arn:aws:s3:::example-bucket/example.txt';
}

/** The scenario's own call from this provider if it has one, else a plausible fresh one. */
function federatedCall(s: Scenario, idp: IdpCaller, roleArn: string): StsCall {
  // A goal that expects success holds a token or assertion that works; a ready-made attempt
  // may show a broken one on purpose (an expired token).
  const working = s.goals.filter((g) => g.expect === 'allowed');
  for (const a of [...working, ...s.goals, ...s.attempts]) {
    const call = a.steps[0]?.call;
    if (call !== undefined && idpOfCall(s, call) === idp.value) return call;
  }
  if (idp.kind === 'saml')
    return {
      op: 'AssumeRoleWithSAML',
      roleArn,
      principalArn: idp.value,
      assertion: {
        issuer: idp.issuer,
        recipient: 'https://signin.aws.amazon.com/saml',
        audience: 'urn:amazon:webservices',
        nameId: 'learner@example.com',
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        roles: [`${roleArn},${idp.value}`],
        roleSessionName: 'learner@example.com',
        notOnOrAfter: '+5m',
      },
    };
  return {
    op: 'AssumeRoleWithWebIdentity',
    roleArn,
    roleSessionName: 'learner',
    token: {
      iss: idp.issuer,
      aud: 'sts.amazonaws.com',
      sub: 'learner',
      exp: Math.floor(s.clockStart / 1000) + 3600,
    },
  };
}

function replaceStep(attempt: Attempt, index: number, step: Step): Attempt {
  const steps = attempt.steps.map((s, i) => (i === index ? step : s));
  return { ...attempt, steps };
}

function custom(draft: AttemptDraft, attempt: Attempt): AttemptDraft {
  const basedOn = draft.source.kind === 'custom' ? draft.source.basedOn : draft.source.id;
  return { ...draft, source: { kind: 'custom', basedOn }, attempt: { ...attempt, id: 'custom' } };
}

/**
 * The draft after the learner changed one form field of step `index`. The caller and the
 * operation bring what they imply along: an identity provider can only make its own federated
 * call, and a user, role or session cannot make one.
 */
export function withField(
  s: Scenario,
  draft: AttemptDraft,
  index: number,
  name: string,
  value: FieldValue,
): AttemptDraft {
  const attempt = draft.attempt;
  const step = attempt.steps[index];
  if (step === undefined) return draft;
  if (name === 'caller') return withCaller(s, draft, str(value));
  if (name === 'signIn') {
    const signIn = str(value) as SignIn;
    return custom(
      draft,
      withOptional(attempt, 'signIn', signIn === 'access-keys' ? undefined : signIn),
    );
  }
  if (name === 'wait') {
    const minutes = numberOrUndefined(str(value));
    return custom(
      draft,
      replaceStep(
        attempt,
        index,
        withOptional(step, 'advanceMinutes', minutes === 0 ? undefined : minutes),
      ),
    );
  }
  if (name === 'op') {
    const op = str(value) as StsOp;
    if (!FORM_OPERATIONS.includes(op) || op === step.call.op) return draft;
    const call = defaultCall(s, op, step.call);
    const next = custom(draft, replaceStep(attempt, index, { ...step, call }));
    // A federated first call has no credentials behind it: no user, role or session calls.
    if (index === 0 && FEDERATED_OPS.includes(call.op))
      return { ...next, fromSession: null, attempt: withOptional(next.attempt, 'as', undefined) };
    if (index === 0 && FEDERATED_OPS.includes(step.call.op) && next.attempt.as === undefined) {
      const first = userArns(s)[0];
      return { ...next, attempt: withOptional(next.attempt, 'as', first) };
    }
    return next;
  }
  return custom(
    draft,
    replaceStep(attempt, index, { ...step, call: withCallField(step.call, name, value) }),
  );
}

function withCaller(s: Scenario, draft: AttemptDraft, value: string): AttemptDraft {
  const attempt = draft.attempt;
  const first = attempt.steps[0];
  if (value.startsWith('session:')) {
    const call =
      first === undefined || FEDERATED_OPS.includes(first.call.op)
        ? defaultCall(s, 'Call', first?.call)
        : first.call;
    const steps = [{ ...(first ?? {}), call }, ...attempt.steps.slice(1)];
    return {
      ...custom(draft, withOptional({ ...attempt, steps }, 'as', undefined)),
      fromSession: value.slice('session:'.length),
    };
  }
  const idp = idpCallers(s).find((c) => c.value === value);
  if (idp !== undefined) {
    const roleArn = first !== undefined && 'roleArn' in first.call ? first.call.roleArn : '';
    const current = first === undefined ? undefined : idpOfCall(s, first.call);
    // Claims already written for this provider are the learner's: keep them.
    const call =
      current === idp.value && first !== undefined
        ? first.call
        : federatedCall(s, idp, roleArn || (roleArns(s)[0] ?? ''));
    const steps = [{ call }, ...attempt.steps.slice(1)];
    return {
      ...custom(draft, withOptional({ ...attempt, steps }, 'as', undefined)),
      fromSession: null,
    };
  }
  const steps =
    first !== undefined && FEDERATED_OPS.includes(first.call.op)
      ? [{ ...first, call: defaultCall(s, 'AssumeRole', first.call) }, ...attempt.steps.slice(1)]
      : attempt.steps;
  return { ...custom(draft, { ...attempt, as: value, steps }), fromSession: null };
}

/** A step added after the last: a service call with the credentials the last step returned. */
export function withStepAdded(s: Scenario, draft: AttemptDraft): AttemptDraft {
  const last = draft.attempt.steps.at(-1);
  const call = defaultCall(s, 'Call', last?.call);
  return custom(draft, { ...draft.attempt, steps: [...draft.attempt.steps, { call }] });
}

export function withStepRemoved(draft: AttemptDraft, index: number): AttemptDraft {
  if (draft.attempt.steps.length <= 1) return draft;
  return custom(draft, {
    ...draft.attempt,
    steps: draft.attempt.steps.filter((_, i) => i !== index),
  });
}

/** Every attempt the learner can pick: the scenario's presets, then its goals. */
export function presets(s: Scenario): readonly { kind: 'preset' | 'goal'; attempt: Attempt }[] {
  return [
    ...s.attempts.map((attempt) => ({ kind: 'preset' as const, attempt })),
    ...s.goals.map((attempt) => ({ kind: 'goal' as const, attempt })),
  ];
}

/** The draft for a preset or goal id, exactly as the author wrote it. */
export function presetDraft(s: Scenario, id: string): AttemptDraft | null {
  const found = presets(s).find((p) => p.attempt.id === id);
  if (found === undefined) return null;
  return {
    source: { kind: found.kind, id },
    attempt: {
      id: found.attempt.id,
      title: found.attempt.title,
      ...(found.attempt.as === undefined ? {} : { as: found.attempt.as }),
      ...(found.attempt.signIn === undefined ? {} : { signIn: found.attempt.signIn }),
      steps: found.attempt.steps,
    },
    fromSession: null,
  };
}

/** The sandbox's first attempt: the scenario's first preset, else its first goal. */
export function startDraft(s: Scenario): AttemptDraft {
  const first = presets(s)[0];
  if (first !== undefined) {
    const draft = presetDraft(s, first.attempt.id);
    if (draft !== null) return draft;
  }
  const as = userArns(s)[0];
  return {
    source: { kind: 'custom', basedOn: null },
    attempt: {
      id: 'custom',
      title: { en: '', ja: '' },
      ...(as === undefined ? {} : { as }),
      steps: [{ call: defaultCall(s, 'AssumeRole', undefined) }],
    },
    fromSession: null,
  };
}

/** What the attempt on the form is saved and shared as: a preset's id, or the learner's fields. */
export type AttemptRecord = Readonly<Record<string, string | boolean | number>>;

export function draftToRecord(s: Scenario, draft: AttemptDraft): AttemptRecord {
  if (draft.source.kind !== 'custom') return { preset: draft.source.id };
  return {
    ...(draft.source.basedOn === null ? {} : { basedOn: draft.source.basedOn }),
    // A session does not outlive the page: a reload starts from the attempt's own caller.
    caller: draft.fromSession === null ? callerValue(s, draft) : '',
    signIn: draft.attempt.signIn ?? 'access-keys',
    steps: JSON.stringify(draft.attempt.steps.map(stepFields)),
  };
}

/**
 * The draft a saved or shared record describes. A custom attempt is rebuilt field by field
 * through the same code as the form, so whatever a link holds becomes a well-formed call or
 * is dropped; `null` when the record names nothing this scenario has.
 */
export function draftFromRecord(s: Scenario, record: AttemptRecord): AttemptDraft | null {
  const preset = record['preset'];
  if (typeof preset === 'string') return presetDraft(s, preset);
  const stepsText = record['steps'];
  if (typeof stepsText !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(stepsText);
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 20) return null;
  const steps: Step[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const fields = item as Record<string, unknown>;
    const op = fields['op'];
    if (typeof op !== 'string' || !FORM_OPERATIONS.includes(op as StsOp)) return null;
    let call = defaultCall(s, op as StsOp, undefined);
    for (const name of FIELDS_BY_OP[op as StsOp]) {
      const value = fields[name];
      if (typeof value === 'string' || typeof value === 'boolean')
        call = withCallField(call, name, value);
    }
    const wait = typeof fields['wait'] === 'string' ? numberOrUndefined(fields['wait']) : undefined;
    steps.push(wait === undefined || wait === 0 ? { call } : { advanceMinutes: wait, call });
  }
  const basedOn = typeof record['basedOn'] === 'string' ? record['basedOn'] : null;
  let draft: AttemptDraft = {
    source: { kind: 'custom', basedOn },
    attempt: { id: 'custom', title: { en: '', ja: '' }, steps },
    fromSession: null,
  };
  const caller = typeof record['caller'] === 'string' ? record['caller'] : '';
  const first = steps[0]?.call;
  if (first !== undefined && !FEDERATED_OPS.includes(first.op) && caller !== '')
    draft = { ...draft, attempt: { ...draft.attempt, as: caller } };
  else if (first !== undefined && !FEDERATED_OPS.includes(first.op)) {
    const user = userArns(s)[0];
    if (user !== undefined) draft = { ...draft, attempt: { ...draft.attempt, as: user } };
  }
  if (first?.op === 'AssumeRoleWithSAML' && caller.startsWith('arn:aws:iam::'))
    draft = {
      ...draft,
      attempt: {
        ...draft.attempt,
        steps: [{ ...steps[0], call: { ...first, principalArn: caller } }, ...steps.slice(1)],
      },
    };
  const signIn = record['signIn'];
  if (signIn === 'console' || signIn === 'console-mfa')
    draft = { ...draft, attempt: { ...draft.attempt, signIn } };
  return draft;
}
