// From a JSON tree to the typed document, reporting grammar and per-kind findings on the
// way. Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
import type { Node } from 'jsonc-parser';
import { M, type Expected } from './messages.ts';
import { parseOperator, suggestOperator } from './operators.ts';
import { child } from './pointer.ts';
import { rangeOf, type Reporter } from './report.ts';
import type {
  ConditionEntry,
  Located,
  PolicyDocument,
  PolicyKind,
  PrincipalSpec,
  PrincipalType,
  Statement,
} from './types.ts';
import {
  checkAction,
  checkConditionValue,
  checkPrincipal,
  checkResource,
  checkTrustAction,
  type Problem,
} from './validate-values.ts';
import { hasPolicyVariable } from './values.ts';

const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

/** Kinds whose statements act on resources and so need Resource or NotResource. */
const NEEDS_RESOURCE: ReadonlySet<PolicyKind> = new Set([
  'identity',
  'boundary',
  'session',
  'scp',
  'rcp',
  'resource',
]);
/** Identity-side kinds: the principal is implicit, so Principal/NotPrincipal are refused. */
const NO_PRINCIPAL: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'session', 'scp']);
/** IAM's own policies, where Sid is limited to A–Z, a–z, 0–9 (grammar notes, sid_string). */
const IAM_SID_KINDS: ReadonlySet<PolicyKind> = new Set([
  'identity',
  'trust',
  'boundary',
  'session',
]);
const SID = /^[A-Za-z0-9]*$/;
const PRINCIPAL_TYPES: readonly string[] = ['AWS', 'Federated', 'Service', 'CanonicalUser'];

interface Property {
  readonly key: Node;
  readonly value: Node;
}

interface Ctx {
  readonly rep: Reporter;
  readonly kind: PolicyKind;
  /** The text the offsets refer to, made on demand (a value's text is written out lazily). */
  readonly textOf: () => string;
  /** Values holding `${…}`, checked once the Version is known. */
  readonly variableValues: Located<string>[];
}

function report(ctx: Ctx, problem: Problem, path: string, node: Node): void {
  ctx.rep.add(problem.code, problem.severity, problem.message, path, rangeOf(node));
}

/** The first occurrence of each key; later duplicates are reported ("must not contain multiple instances of the same key"). */
function properties(ctx: Ctx, node: Node, path: string): Map<string, Property> {
  const map = new Map<string, Property>();
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0];
    const value = prop.children?.[1];
    if (key === undefined || value === undefined || typeof key.value !== 'string') continue;
    if (map.has(key.value)) {
      ctx.rep.add(
        'duplicate-key',
        'error',
        M.duplicateKey(key.value),
        child(path, key.value),
        rangeOf(key),
      );
      continue;
    }
    map.set(key.value, { key, value });
  }
  return map;
}

function reportUnknown(
  ctx: Ctx,
  props: Map<string, Property>,
  known: readonly string[],
  path: string,
  inStatement: boolean,
): void {
  props.forEach((prop, name) => {
    if (known.includes(name)) return;
    const lower = name.toLowerCase();
    const suggestion = known.find((k) => k.toLowerCase() === lower) ?? null;
    ctx.rep.add(
      'unknown-element',
      'error',
      M.unknownElement(name, inStatement, suggestion),
      child(path, name),
      rangeOf(prop.key),
    );
  });
}

function wrongType(ctx: Ctx, element: string, expected: Expected, node: Node, path: string): void {
  ctx.rep.add(
    'wrong-type',
    'error',
    M.wrongType(element, expected, node.type),
    path,
    rangeOf(node),
  );
}

/** A scalar as AWS compares it: strings as written, numbers and booleans in their JSON text. */
function scalarText(ctx: Ctx, node: Node): string | null {
  if (node.type === 'string') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'number' || node.type === 'boolean')
    return ctx.textOf().slice(node.offset, node.offset + node.length);
  return null;
}

function located(value: string, path: string, node: Node): Located<string> {
  return { value, path, range: rangeOf(node) };
}

/** String-or-array-of-strings elements (Action, Resource, principal values). `null` = unusable. */
function stringList(ctx: Ctx, element: string, node: Node, path: string): Located<string>[] | null {
  if (node.type === 'string') return [located(String(node.value), path, node)];
  if (node.type !== 'array') {
    wrongType(ctx, element, 'string-list', node, path);
    return null;
  }
  const items = node.children ?? [];
  if (items.length === 0)
    ctx.rep.add('empty-value', 'suggestion', M.emptyValue(element), path, rangeOf(node));
  const out: Located<string>[] = [];
  items.forEach((item, i) => {
    const itemPath = child(path, i);
    if (item.type === 'string') out.push(located(String(item.value), itemPath, item));
    else wrongType(ctx, element, 'string', item, itemPath);
  });
  return out;
}

export function buildDocument(ctx: Ctx, root: Node): PolicyDocument | null {
  if (root.type !== 'object') {
    ctx.rep.add('not-an-object', 'error', M.notAnObject(root.type), '', rangeOf(root));
    return null;
  }
  const props = properties(ctx, root, '');
  reportUnknown(ctx, props, POLICY_ELEMENTS, '', false);

  let version: '2012-10-17' | '2008-10-17' | undefined;
  const v = props.get('Version');
  if (v === undefined) {
    ctx.rep.add('missing-version', 'suggestion', M.missingVersion(), '', {
      start: root.offset,
      end: root.offset + 1,
    });
  } else if (v.value.type !== 'string') {
    wrongType(ctx, 'Version', 'string', v.value, '/Version');
  } else if (v.value.value === '2012-10-17' || v.value.value === '2008-10-17') {
    version = v.value.value as '2012-10-17' | '2008-10-17';
  } else {
    ctx.rep.add(
      'invalid-version',
      'error',
      M.invalidVersion(String(v.value.value)),
      '/Version',
      rangeOf(v.value),
    );
  }

  let id: string | undefined;
  const idProp = props.get('Id');
  if (idProp !== undefined) {
    if (idProp.value.type !== 'string') wrongType(ctx, 'Id', 'string', idProp.value, '/Id');
    else id = String(idProp.value.value);
    // "The id_block … must not be included in identity-based policies" (grammar notes). IAM
    // has long accepted it in practice, so this is a warning rather than a rejection.
    if (ctx.kind === 'identity' || ctx.kind === 'boundary' || ctx.kind === 'session') {
      ctx.rep.add(
        'id-in-identity-policy',
        'warning',
        M.idInIdentity(ctx.kind),
        '/Id',
        rangeOf(idProp.key),
      );
    }
  }

  const statements: Statement[] = [];
  const s = props.get('Statement');
  if (s === undefined) {
    ctx.rep.add('missing-statement', 'error', M.missingStatement(), '', rangeOf(root));
  } else if (s.value.type === 'object') {
    const st = buildStatement(ctx, s.value, '/Statement', 0);
    if (st !== null) statements.push(st);
  } else if (s.value.type === 'array') {
    const items = s.value.children ?? [];
    if (items.length === 0)
      ctx.rep.add('missing-statement', 'error', M.emptyStatement(), '/Statement', rangeOf(s.value));
    items.forEach((item, i) => {
      const path = child('/Statement', i);
      if (item.type !== 'object') {
        wrongType(ctx, 'Statement', 'object', item, path);
        return;
      }
      const st = buildStatement(ctx, item, path, i);
      if (st !== null) statements.push(st);
    });
  } else {
    wrongType(ctx, 'Statement', 'statement', s.value, '/Statement');
  }
  checkSids(ctx, statements);

  if (version !== '2012-10-17') {
    for (const value of ctx.variableValues) {
      ctx.rep.add(
        'variables-in-old-version',
        'warning',
        M.variablesInOldVersion(value.value, version ?? null),
        value.path,
        value.range,
      );
    }
  }

  return {
    ...(version === undefined ? {} : { version }),
    ...(id === undefined ? {} : { id }),
    statements,
  };
}

function checkSids(ctx: Ctx, statements: readonly Statement[]): void {
  const seen = new Set<string>();
  for (const st of statements) {
    if (st.sid === undefined || st.sid === '') continue;
    if (seen.has(st.sid)) {
      ctx.rep.add(
        'duplicate-sid',
        'error',
        M.duplicateSid(st.sid),
        child(st.path, 'Sid'),
        st.range,
      );
    }
    seen.add(st.sid);
  }
}

/** Builds one statement; `null` when it cannot be evaluated at all (findings say why). */
function buildStatement(ctx: Ctx, node: Node, path: string, index: number): Statement | null {
  const props = properties(ctx, node, path);
  reportUnknown(ctx, props, STATEMENT_ELEMENTS, path, true);
  const whole = rangeOf(node);
  let usable = true;

  let sid: string | undefined;
  const sidProp = props.get('Sid');
  if (sidProp !== undefined) {
    if (sidProp.value.type !== 'string')
      wrongType(ctx, 'Sid', 'string', sidProp.value, child(path, 'Sid'));
    else {
      sid = String(sidProp.value.value);
      if (IAM_SID_KINDS.has(ctx.kind) && !SID.test(sid)) {
        ctx.rep.add(
          'invalid-sid',
          'error',
          M.invalidSid(sid),
          child(path, 'Sid'),
          rangeOf(sidProp.value),
        );
      }
    }
  }

  let effect: 'Allow' | 'Deny' | undefined;
  const e = props.get('Effect');
  if (e === undefined) {
    ctx.rep.add('missing-effect', 'error', M.missingEffect(), path, whole);
  } else if (e.value.type !== 'string') {
    wrongType(ctx, 'Effect', 'string', e.value, child(path, 'Effect'));
  } else if (e.value.value === 'Allow' || e.value.value === 'Deny') {
    effect = e.value.value as 'Allow' | 'Deny';
  } else {
    ctx.rep.add(
      'invalid-effect',
      'error',
      M.invalidEffect(String(e.value.value)),
      child(path, 'Effect'),
      rangeOf(e.value),
    );
  }
  if (effect === undefined) usable = false;

  const action = readPair(ctx, props, path, 'Action', 'NotAction', 'action-and-notaction');
  if (action.both) usable = false;
  else if (action.first === undefined && action.second === undefined) {
    ctx.rep.add('missing-action', 'error', M.missingAction(), path, whole);
    usable = false;
  }
  checkActions(ctx, action.first, ctx.kind === 'trust');
  checkActions(ctx, action.second, false);
  if (action.broken) usable = false;

  const resource = readPair(
    ctx,
    props,
    path,
    'Resource',
    'NotResource',
    'resource-and-notresource',
  );
  if (resource.both || resource.broken) usable = false;
  const hasResource =
    resource.first !== undefined || resource.second !== undefined || resource.broken;
  if (ctx.kind === 'trust') {
    // IAM answers "Has prohibited field Resource" for a trust policy with Resource (the role
    // is the resource). The 2023 excerpt shows trust policies without Resource but does not
    // state the rule; this follows IAM's observed behaviour.
    for (const name of ['Resource', 'NotResource']) {
      const p = props.get(name);
      if (p !== undefined)
        ctx.rep.add(
          'resource-not-allowed',
          'error',
          name === 'Resource' ? M.resourceInTrust() : M.notAllowedInKind(name, ctx.kind),
          child(path, name),
          rangeOf(p.key),
        );
    }
  } else if (!hasResource && NEEDS_RESOURCE.has(ctx.kind)) {
    // SCPs: the IAM excerpt only calls their syntax "restricted"; AWS Organizations' SCP
    // syntax lists Resource as required, as for identity policies. RCPs likewise.
    ctx.rep.add('missing-resource', 'error', M.missingResource(ctx.kind), path, whole);
  }
  checkResources(ctx, resource.first);
  checkResources(ctx, resource.second);

  const principalProp = props.get('Principal');
  const notPrincipalProp = props.get('NotPrincipal');
  let principal: PrincipalSpec | undefined;
  let notPrincipal: PrincipalSpec | undefined;
  if (principalProp !== undefined && notPrincipalProp !== undefined) {
    ctx.rep.add(
      'principal-and-notprincipal',
      'error',
      M.both('Principal', 'NotPrincipal'),
      path,
      whole,
    );
    usable = false;
  }
  for (const [name, prop] of [
    ['Principal', principalProp],
    ['NotPrincipal', notPrincipalProp],
  ] as const) {
    if (prop === undefined) continue;
    const pPath = child(path, name);
    // NotPrincipal: "You cannot use the NotPrincipal element in an IAM identity-based policy
    // or in an IAM role trust policy" (reference_policies_elements_notprincipal.html).
    if (
      NO_PRINCIPAL.has(ctx.kind) ||
      (name === 'NotPrincipal' && (ctx.kind === 'trust' || ctx.kind === 'rcp'))
    ) {
      ctx.rep.add(
        'principal-not-allowed',
        'error',
        M.notAllowedInKind(name, ctx.kind),
        pPath,
        rangeOf(prop.key),
      );
    }
    const spec = readPrincipal(ctx, name, prop.value, pPath);
    if (spec === null) usable = false;
    else if (name === 'Principal') principal = spec;
    else notPrincipal = spec;
  }
  if (
    principalProp === undefined &&
    notPrincipalProp === undefined &&
    (ctx.kind === 'trust' || ctx.kind === 'resource' || ctx.kind === 'rcp')
  ) {
    ctx.rep.add('missing-principal', 'error', M.missingPrincipal(ctx.kind), path, whole);
  }
  if (ctx.kind === 'rcp' && principal !== undefined && principal.kind !== 'wildcard') {
    // Not in the 2023 excerpt (RCPs came in 2024): AWS Organizations requires "Principal": "*".
    ctx.rep.add('invalid-principal', 'error', M.rcpPrincipal(), principal.path, principal.range);
  }

  let conditions: ConditionEntry[] = [];
  const c = props.get('Condition');
  if (c !== undefined) {
    const read = readConditions(ctx, c.value, child(path, 'Condition'));
    if (read === null) usable = false;
    else conditions = read;
  }

  if (!usable || effect === undefined) return null;
  // Assigned one by one: conditional spreads cost a temporary object each, per statement.
  const st: Mutable<Statement> = { index, effect, conditions, path, range: whole };
  if (sid !== undefined) st.sid = sid;
  if (principal !== undefined) st.principal = principal;
  if (notPrincipal !== undefined) st.notPrincipal = notPrincipal;
  if (action.first !== undefined) st.action = action.first;
  if (action.second !== undefined) st.notAction = action.second;
  if (resource.first !== undefined) st.resource = resource.first;
  if (resource.second !== undefined) st.notResource = resource.second;
  return st;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Action values; in a trust policy's Action, also the actions a trust may name. */
function checkActions(
  ctx: Ctx,
  list: readonly Located<string>[] | undefined,
  trust: boolean,
): void {
  if (list === undefined) return;
  for (const a of list) {
    const problem = checkAction(a.value) ?? (trust ? checkTrustAction(a.value) : null);
    if (problem !== null)
      ctx.rep.add(problem.code, problem.severity, problem.message, a.path, a.range);
  }
}

function checkResources(ctx: Ctx, list: readonly Located<string>[] | undefined): void {
  if (list === undefined) return;
  for (const r of list) {
    const problem = checkResource(r.value);
    if (problem !== null)
      ctx.rep.add(problem.code, problem.severity, problem.message, r.path, r.range);
    else if (hasPolicyVariable(r.value)) ctx.variableValues.push(r);
  }
}

interface Pair {
  readonly first: Located<string>[] | undefined;
  readonly second: Located<string>[] | undefined;
  readonly both: boolean;
  /** Present but of the wrong type. */
  readonly broken: boolean;
}

function readPair(
  ctx: Ctx,
  props: Map<string, Property>,
  path: string,
  a: string,
  b: string,
  bothCode: string,
): Pair {
  const pa = props.get(a);
  const pb = props.get(b);
  const both = pa !== undefined && pb !== undefined;
  if (both) ctx.rep.add(bothCode, 'error', M.both(a, b), path, rangeOf(pb.key));
  const first = pa === undefined ? undefined : stringList(ctx, a, pa.value, child(path, a));
  const second = pb === undefined ? undefined : stringList(ctx, b, pb.value, child(path, b));
  return {
    first: first ?? undefined,
    second: second ?? undefined,
    both,
    broken: first === null || second === null,
  };
}

function readPrincipal(ctx: Ctx, element: string, node: Node, path: string): PrincipalSpec | null {
  if (node.type === 'string') {
    if (node.value === '*') return { kind: 'wildcard', path, range: rangeOf(node) };
    ctx.rep.add(
      'invalid-principal',
      'error',
      M.principalString(String(node.value)),
      path,
      rangeOf(node),
    );
    return null;
  }
  if (node.type !== 'object') {
    wrongType(ctx, element, 'principal', node, path);
    return null;
  }
  const props = properties(ctx, node, path);
  if (props.size === 0)
    ctx.rep.add('empty-value', 'suggestion', M.emptyValue(element), path, rangeOf(node));
  const entries: { type: PrincipalType; value: Located<string> }[] = [];
  let usable = true;
  for (const [type, prop] of props) {
    const typePath = child(path, type);
    if (!PRINCIPAL_TYPES.includes(type)) {
      ctx.rep.add('invalid-principal', 'error', M.principalType(type), typePath, rangeOf(prop.key));
      continue;
    }
    const values = stringList(ctx, `${element}.${type}`, prop.value, typePath);
    if (values === null) {
      usable = false;
      continue;
    }
    for (const value of values) {
      const problem = checkPrincipal(type, value.value, ctx.kind);
      if (problem !== null) {
        ctx.rep.add(problem.code, problem.severity, problem.message, value.path, value.range);
        if (problem.severity === 'error') continue;
      }
      entries.push({ type: type as PrincipalType, value });
    }
  }
  return usable ? { kind: 'map', entries, path, range: rangeOf(node) } : null;
}

/** `null` when the block cannot be understood (wrong types, unknown operators). */
function readConditions(ctx: Ctx, node: Node, path: string): ConditionEntry[] | null {
  if (node.type !== 'object') {
    wrongType(ctx, 'Condition', 'object', node, path);
    return null;
  }
  const out: ConditionEntry[] = [];
  let usable = true;
  const props = properties(ctx, node, path);
  if (props.size === 0)
    ctx.rep.add('empty-value', 'suggestion', M.emptyValue('Condition'), path, rangeOf(node));
  for (const [written, prop] of props) {
    const opPath = child(path, written);
    const op = parseOperator(written);
    if (op === null) {
      const bare = written.slice(written.indexOf(':') + 1);
      if (bare === 'NullIfExists')
        ctx.rep.add(
          'null-with-ifexists',
          'error',
          M.nullWithIfExists(written),
          opPath,
          rangeOf(prop.key),
        );
      else
        ctx.rep.add(
          'unknown-condition-operator',
          'error',
          M.unknownOperator(written, suggestOperator(written)),
          opPath,
          rangeOf(prop.key),
        );
      usable = false;
      continue;
    }
    if (prop.value.type !== 'object') {
      wrongType(ctx, written, 'object', prop.value, opPath);
      usable = false;
      continue;
    }
    const keys = properties(ctx, prop.value, opPath);
    if (keys.size === 0)
      ctx.rep.add('empty-value', 'suggestion', M.emptyValue(written), opPath, rangeOf(prop.value));
    for (const [key, kv] of keys) {
      const keyPath = child(opPath, key);
      const nodes = kv.value.type === 'array' ? (kv.value.children ?? []) : [kv.value];
      if (kv.value.type === 'array' && nodes.length === 0) {
        ctx.rep.add('empty-value', 'suggestion', M.emptyValue(key), keyPath, rangeOf(kv.value));
      }
      const values: Located<string>[] = [];
      nodes.forEach((n, i) => {
        const valuePath = kv.value.type === 'array' ? child(keyPath, i) : keyPath;
        const text = scalarText(ctx, n);
        if (text === null) {
          wrongType(ctx, key, 'condition-values', n, valuePath);
          usable = false;
          return;
        }
        const value = located(text, valuePath, n);
        values.push(value);
        const problem = checkConditionValue(op, written, text, true);
        if (problem !== null) report(ctx, problem, valuePath, n);
        else if (
          (op.family === 'String' || op.family === 'Arn' || op.family === 'Bool') &&
          hasPolicyVariable(text)
        ) {
          ctx.variableValues.push(value);
        }
      });
      out.push({
        operator: { value: written, path: opPath, range: rangeOf(prop.key) },
        key: { value: key, path: keyPath, range: rangeOf(kv.key) },
        values,
        path: keyPath,
        range: { start: kv.key.offset, end: kv.value.offset + kv.value.length },
      });
    }
  }
  return usable ? out : null;
}

export type { Ctx as StructureContext };
