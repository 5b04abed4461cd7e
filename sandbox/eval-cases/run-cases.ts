// Runs request cases through the parser and the authorizer. A case whose policy AWS would
// reject gives `decision: null` and the first error, its path prefixed by the slot
// (`/resourcePolicy/Statement/0/Principal/AWS`); one bad case never stops the batch.
import { lintPolicy } from '../catalog/lint.ts';
import type { Catalog } from '../catalog/types.ts';
import { authorize } from '../engine/authorize.ts';
import { statementLabel } from '../engine/summary.ts';
import type { AuthzInput, AuthzResult, Decision } from '../engine/types.ts';
import { explain } from '../explain/explain.ts';
import type { Lang } from '../explain/messages.ts';
import { parsePolicy } from '../policy/parse.ts';
import type { ParsedPolicy, PolicyKind, Severity } from '../policy/types.ts';
import type { EvalCase, PolicyInput } from './schema.ts';

export interface EvalCaseError {
  readonly code: string;
  readonly message: string;
  readonly path: string;
}

/** A finding of the action catalog (an unknown action, …): advice, never part of the decision. */
export interface EvalCaseFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** JSON pointer into the case, e.g. `/identityPolicies/0/Statement/1/Action/0`. */
  readonly path: string;
}

export interface EvalCaseResult {
  readonly id: string;
  readonly decision: Decision | null;
  readonly error?: EvalCaseError;
  /** Present when the catalog found something. */
  readonly findings?: readonly EvalCaseFinding[];
  /** With `deciding`: the credited statements as `policy name/Sid` (see `decidingLabels`). */
  readonly deciding?: readonly string[];
  readonly explain?: readonly string[];
}

export interface RunOptions {
  readonly explain?: boolean;
  /** Add the statements that decided, as `decidingLabels` words them. */
  readonly deciding?: boolean;
  readonly lang?: Lang;
  /** AWS's action catalog: when given, its findings are added to each case. */
  readonly catalog?: Catalog;
}

/**
 * The statements a decision rests on, as a case author writes them: `name/Sid` (or
 * `name/Statement[i]` without a Sid), where `name` is the policy's name in the case (given
 * with `{"name", "policy"}`, else its slot, e.g. `identityPolicies[0]`). An explicit deny
 * rests on its Deny statements; an allow on the statements that granted it and the
 * boundary or session policy that let it through, not on the SCP or RCP Allows every
 * request passes (those only guard).
 */
export function decidingLabels(result: AuthzResult): string[] {
  const refs =
    result.decision === 'explicitDeny'
      ? result.deciding
      : result.deciding.filter((r) => r.policyKind !== 'scp' && r.policyKind !== 'rcp');
  return refs.map((r) => `${r.policy}/${statementLabel(r)}`);
}

// AWS's default policies, attached where a case writes their names.
const BUILT_IN: Readonly<Record<string, { kind: PolicyKind; document: object }>> = {
  FullAWSAccess: {
    kind: 'scp',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    },
  },
  RCPFullAWSAccess: {
    kind: 'rcp',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
    },
  },
};

const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
]);
const ROLE_ACTIONS = new Set(['sts:tagsession', 'sts:setsourceidentity']);

interface Slot {
  readonly policy: ParsedPolicy;
  /** JSON pointer of the policy document inside the case. */
  readonly pointer: string;
}

// A built-in policy is parsed once per place it is named in (its pointer is its document
// id), not once per case that names it.
const builtInParsed = new Map<string, ParsedPolicy>();

function load(input: PolicyInput, kind: PolicyKind, name: string, pointer: string): Slot {
  if (typeof input === 'string') {
    const builtIn = BUILT_IN[input];
    if (builtIn !== undefined && builtIn.kind === kind) {
      const key = `${input}\u0000${pointer}`;
      let policy = builtInParsed.get(key);
      if (policy === undefined) {
        policy = parsePolicy(builtIn.document, { kind, name: input, doc: pointer });
        builtInParsed.set(key, policy);
      }
      return { policy, pointer };
    }
    return { policy: parsePolicy(input, { kind, name, doc: pointer }), pointer };
  }
  const wrapped = input.policy;
  if (
    'policy' in input &&
    !('Statement' in input) &&
    (typeof wrapped === 'string' || (typeof wrapped === 'object' && wrapped !== null))
  ) {
    const given = typeof input.name === 'string' && input.name !== '' ? input.name : name;
    return load(wrapped as PolicyInput, kind, given, `${pointer}/policy`);
  }
  return { policy: parsePolicy(input, { kind, name, doc: pointer }), pointer };
}

function levels(
  given: readonly (PolicyInput | readonly PolicyInput[])[] | undefined,
  kind: PolicyKind,
  slot: 'scps' | 'rcps',
): Slot[][] {
  if (given === undefined || given.length === 0) return [];
  // `[docA, docB]` is one level; `[[…], […]]` one array per level, root first.
  if (given.every((level) => Array.isArray(level))) {
    return given.map((level, i) =>
      (level as readonly PolicyInput[]).map((p, j) =>
        load(p, kind, `${slot}[${i}][${j}]`, `/${slot}/${i}/${j}`),
      ),
    );
  }
  // A flat list (even one with a stray nested array) is a single level.
  const single: Slot[] = [];
  given.forEach((p, j) => {
    if (Array.isArray(p)) {
      (p as readonly PolicyInput[]).forEach((q, k) =>
        single.push(load(q, kind, `${slot}[${j}][${k}]`, `/${slot}/${j}/${k}`)),
      );
    } else {
      single.push(load(p as PolicyInput, kind, `${slot}[${j}]`, `/${slot}/${j}`));
    }
  });
  return [single];
}

function isTrustRequest(action: string, resource: string): boolean {
  const lower = action.toLowerCase();
  return (
    TRUST_ACTIONS.has(lower) ||
    (ROLE_ACTIONS.has(lower) && /^arn:[^:]+:iam::[^:]*:role\//.test(resource))
  );
}

export function runEvalCase(c: EvalCase, options: RunOptions = {}): EvalCaseResult {
  const lang = options.lang ?? 'en';
  const identity = (c.identityPolicies ?? []).map((p, i) =>
    load(p, 'identity', `identityPolicies[${i}]`, `/identityPolicies/${i}`),
  );
  const resourceKind: PolicyKind = isTrustRequest(c.request.action, c.request.resource)
    ? 'trust'
    : 'resource';
  const resource =
    c.resourcePolicy == null
      ? null
      : load(c.resourcePolicy, resourceKind, 'resourcePolicy', '/resourcePolicy');
  const scps = levels(c.scps, 'scp', 'scps');
  const rcps = levels(c.rcps, 'rcp', 'rcps');
  const boundary =
    c.permissionBoundary == null
      ? null
      : load(c.permissionBoundary, 'boundary', 'permissionBoundary', '/permissionBoundary');
  const session =
    c.sessionPolicy == null
      ? null
      : load(c.sessionPolicy, 'session', 'sessionPolicy', '/sessionPolicy');

  const slots = [...identity, resource, ...scps.flat(), ...rcps.flat(), boundary, session];
  const findings =
    options.catalog === undefined ? [] : catalogFindings(slots, options.catalog, lang);
  const withFindings = findings.length === 0 ? {} : { findings };
  for (const slot of slots) {
    if (slot === null) continue;
    const error = slot.policy.findings.find((f) => f.severity === 'error');
    if (error !== undefined || slot.policy.document === null) {
      return {
        id: c.id,
        decision: null,
        ...withFindings,
        error:
          error === undefined
            ? {
                code: 'invalid-policy',
                message: lang === 'en' ? 'the policy is not usable' : 'ポリシーとして使えません',
                path: slot.pointer,
              }
            : {
                code: error.code,
                message: error.message[lang],
                path: `${slot.pointer}${error.path}`,
              },
      };
    }
  }
  const request: Mutable<AuthzInput['request']> = {
    principal: c.request.principal,
    action: c.request.action,
    resource: c.request.resource,
    context: c.request.context ?? {},
  };
  if (c.request.resourceAccount !== undefined) request.resourceAccount = c.request.resourceAccount;
  const input: AuthzInput = {
    request,
    identityPolicies: identity.map((s) => s.policy),
    resourcePolicy: resource?.policy ?? null,
    scps: scps.map((level) => level.map((s) => s.policy)),
    rcps: rcps.map((level) => level.map((s) => s.policy)),
    permissionBoundary: boundary?.policy ?? null,
    sessionPolicy: session?.policy ?? null,
  };
  const result = authorize(input);
  // Assigned one by one, in the printed order: a spread of an empty object is still an object.
  const out: Mutable<EvalCaseResult> = { id: c.id, decision: result.decision };
  if (findings.length > 0) out.findings = findings;
  if (options.deciding === true) out.deciding = decidingLabels(result);
  if (options.explain === true) out.explain = explain(result, lang);
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function catalogFindings(
  slots: readonly (Slot | null)[],
  catalog: Catalog,
  lang: Lang,
): EvalCaseFinding[] {
  const out: EvalCaseFinding[] = [];
  for (const slot of slots) {
    if (slot === null) continue;
    for (const f of lintPolicy(slot.policy, catalog)) {
      out.push({
        code: f.code,
        severity: f.severity,
        message: f.message[lang],
        path: `${slot.pointer}${f.path}`,
      });
    }
  }
  return out;
}

export function runEvalCases(
  cases: readonly EvalCase[],
  options: RunOptions = {},
): EvalCaseResult[] {
  return cases.map((c) => runEvalCase(c, options));
}
