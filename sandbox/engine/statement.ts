// One statement against one request: does it apply, and why (or why not). Elements are
// checked in the order Action, Resource, Principal; the first that fails ends the check
// (its trace says why), and when they all match every condition is evaluated, so the trace
// shows each failing condition, not only the first.
import type { Located, ParsedPolicy, Statement } from '../policy/types.ts';
import { actionMatches } from './action.ts';
import { evaluateCondition } from './conditions.ts';
import { matchPrincipal, notPrincipalExcludes, type PrincipalMatch } from './principal.ts';
import type { PreparedRequest } from './request.ts';
import { arnPatternMatches, compileArnPattern, type ArnPattern } from './resource.ts';
import type { ConditionTrace, MatchTrace, StatementRef, StatementTrace } from './types.ts';
import { substitute } from './variables.ts';

export interface StatementResult {
  readonly trace: StatementTrace;
  /** For a statement with `Principal`: the entry that named the caller. */
  readonly principal: PrincipalMatch | null;
}

const refs = new WeakMap<Statement, StatementRef>();

export function statementRef(policy: ParsedPolicy, statement: Statement): StatementRef {
  const cached = refs.get(statement);
  if (cached !== undefined && cached.policy === policy.name) return cached;
  const ref: StatementRef = {
    policy: policy.name,
    policyKind: policy.kind,
    index: statement.index,
    ...(statement.sid === undefined ? {} : { sid: statement.sid }),
    effect: statement.effect,
    path: statement.path,
    ...(statement.range === undefined ? {} : { range: statement.range }),
  };
  refs.set(statement, ref);
  return ref;
}

function located(
  path: string,
  value: Located<string> | undefined,
): Pick<MatchTrace, 'path' | 'range'> {
  if (value === undefined) return { path };
  return value.range === undefined
    ? { path: value.path }
    : { path: value.path, range: value.range };
}

function firstMatch(
  values: readonly Located<string>[],
  test: (v: Located<string>) => boolean,
): Located<string> | undefined {
  for (const value of values) if (test(value)) return value;
  return undefined;
}

function matchAction(statement: Statement, req: PreparedRequest): MatchTrace | null {
  const list = statement.action ?? statement.notAction;
  if (list === undefined) return null;
  const negated = statement.action === undefined;
  const hit = firstMatch(list, (v) => actionMatches(v, req.action));
  const element = negated ? 'NotAction' : 'Action';
  return {
    element,
    matched: negated ? hit === undefined : hit !== undefined,
    requestValue: req.request.action,
    ...(hit === undefined ? {} : { matchedValue: hit.value }),
    ...located(`${statement.path}/${element}`, hit),
  };
}

const resourcePatterns = new WeakMap<Located<string>, ArnPattern>();
// With variables the pattern depends on the request; keep the last resolution per value,
// since consecutive requests (keystrokes, benchmarks) usually resolve the same way.
const resolvedPatterns = new WeakMap<
  Located<string>,
  { readonly key: string; readonly pattern: ArnPattern }
>();

function resourceMatches(
  value: Located<string>,
  req: PreparedRequest,
  version: string | undefined,
): boolean {
  let pattern = resourcePatterns.get(value);
  if (pattern === undefined) {
    const sub = substitute(value.value, req.context, version);
    // A variable with no value: the resource "will not match any resource" (Variables page).
    if (!sub.ok) return false;
    const resolved = version === '2012-10-17' && value.value.includes('${');
    if (!resolved) {
      pattern = compileArnPattern(sub.parts);
      resourcePatterns.set(value, pattern);
    } else {
      const key = sub.parts.map((p) => `${p.literal ? '1' : '0'}${p.text}`).join('\u0000');
      const last = resolvedPatterns.get(value);
      if (last?.key === key) pattern = last.pattern;
      else {
        pattern = compileArnPattern(sub.parts);
        resolvedPatterns.set(value, { key, pattern });
      }
    }
  }
  return arnPatternMatches(pattern, req.resource);
}

function matchResource(
  statement: Statement,
  req: PreparedRequest,
  version: string | undefined,
): MatchTrace | null {
  const list = statement.resource ?? statement.notResource;
  if (list === undefined) return null;
  const negated = statement.resource === undefined;
  const hit = firstMatch(list, (v) => resourceMatches(v, req, version));
  const element = negated ? 'NotResource' : 'Resource';
  return {
    element,
    matched: negated ? hit === undefined : hit !== undefined,
    requestValue: req.resource,
    ...(hit === undefined ? {} : { matchedValue: hit.value }),
    ...located(`${statement.path}/${element}`, hit),
  };
}

export function evaluateStatement(
  policy: ParsedPolicy,
  statement: Statement,
  req: PreparedRequest,
  version: string | undefined,
): StatementResult {
  const ref = statementRef(policy, statement);
  const matches: MatchTrace[] = [];
  const done = (
    applies: boolean,
    conditions: readonly ConditionTrace[],
    principal: PrincipalMatch | null,
  ): StatementResult => ({
    trace: { ref, applies, matches, conditions },
    principal,
  });

  const action = matchAction(statement, req);
  if (action !== null) {
    matches.push(action);
    if (!action.matched) return done(false, [], null);
  }
  const resource = matchResource(statement, req, version);
  if (resource !== null) {
    matches.push(resource);
    if (!resource.matched) return done(false, [], null);
  }
  let principal: PrincipalMatch | null = null;
  if (statement.principal !== undefined) {
    principal = matchPrincipal(statement.principal, req.caller);
    matches.push({
      element: 'Principal',
      matched: principal !== null,
      requestValue: req.caller.text,
      ...(principal === null
        ? {}
        : { matchedValue: principal.value, principalMatch: principal.kind }),
      path: principal?.path ?? statement.principal.path,
    });
    if (principal === null) return done(false, [], null);
  } else if (statement.notPrincipal !== undefined) {
    const excluded = notPrincipalExcludes(statement.notPrincipal, req.caller);
    matches.push({
      element: 'NotPrincipal',
      matched: !excluded,
      requestValue: req.caller.text,
      path: statement.notPrincipal.path,
    });
    if (excluded) return done(false, [], null);
  }
  const conditions = statement.conditions.map((c) => evaluateCondition(c, req.context, version));
  return done(
    conditions.every((c) => c.result),
    conditions,
    principal,
  );
}
