// One statement against one request: does it apply, and why (or why not). Elements are
// checked in the order Action, Resource, Principal; the first that fails ends the check
// (its trace says why), and when they all match every condition is evaluated, so the trace
// shows each failing condition, not only the first.
import type { Located, ParsedPolicy, PrincipalSpec, Statement } from '../policy/types.ts';
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const refs = new WeakMap<Statement, StatementRef>();

export function statementRef(policy: ParsedPolicy, statement: Statement): StatementRef {
  const cached = refs.get(statement);
  if (cached !== undefined && cached.policy === policy.name && cached.doc === policy.doc)
    return cached;
  // Without conditional spreads (made once per fresh statement), in the same key order.
  const { doc, name, kind } = policy;
  const { index, sid, effect, path, range } = statement;
  const ref: Mutable<StatementRef> =
    sid === undefined
      ? { doc, policy: name, policyKind: kind, index, effect, path }
      : { doc, policy: name, policyKind: kind, index, sid, effect, path };
  if (range !== undefined) ref.range = range;
  refs.set(statement, ref);
  return ref;
}

/** The trace of one element; built field by field, as it is made for every statement. */
function elementTrace(
  element: MatchTrace['element'],
  matched: boolean,
  requestValue: string,
  hit: Located<string> | undefined,
  elementPath: string,
  list: readonly Located<string>[],
): MatchTrace {
  if (hit === undefined) {
    // No entry matched: for Action/Resource that is why the statement does not apply, and
    // the renderer shows the listed entries against the request's value.
    return matched
      ? { element, matched, requestValue, path: elementPath }
      : { element, matched, requestValue, listed: list, path: elementPath };
  }
  return hit.range === undefined
    ? { element, matched, requestValue, matchedValue: hit.value, path: hit.path }
    : { element, matched, requestValue, matchedValue: hit.value, path: hit.path, range: hit.range };
}

function matchAction(statement: Statement, req: PreparedRequest): MatchTrace | null {
  const list = statement.action ?? statement.notAction;
  if (list === undefined) return null;
  const negated = statement.action === undefined;
  let hit: Located<string> | undefined;
  for (const value of list) {
    if (actionMatches(value, req.action)) {
      hit = value;
      break;
    }
  }
  const element = negated ? 'NotAction' : 'Action';
  const matched = negated ? hit === undefined : hit !== undefined;
  return elementTrace(
    element,
    matched,
    req.request.action,
    hit,
    `${statement.path}/${element}`,
    list,
  );
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
  let hit: Located<string> | undefined;
  for (const value of list) {
    if (resourceMatches(value, req, version)) {
      hit = value;
      break;
    }
  }
  const element = negated ? 'NotResource' : 'Resource';
  const matched = negated ? hit === undefined : hit !== undefined;
  return elementTrace(element, matched, req.resource, hit, `${statement.path}/${element}`, list);
}

/** A principal element's entries as written; made only when the element turned the caller away. */
function principalEntries(spec: PrincipalSpec): readonly Located<string>[] {
  if (spec.kind === 'wildcard')
    return [
      spec.range === undefined
        ? { value: '*', path: spec.path }
        : { value: '*', path: spec.path, range: spec.range },
    ];
  return spec.entries.map((e) => e.value);
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
    matches.push(
      principal === null
        ? {
            element: 'Principal',
            matched: false,
            requestValue: req.caller.text,
            listed: principalEntries(statement.principal),
            path: statement.principal.path,
          }
        : {
            element: 'Principal',
            matched: true,
            requestValue: req.caller.text,
            matchedValue: principal.value,
            principalMatch: principal.kind,
            path: principal.path,
          },
    );
    if (principal === null) return done(false, [], null);
  } else if (statement.notPrincipal !== undefined) {
    const excluded = notPrincipalExcludes(statement.notPrincipal, req.caller);
    matches.push(
      excluded
        ? {
            element: 'NotPrincipal',
            matched: false,
            requestValue: req.caller.text,
            listed: principalEntries(statement.notPrincipal),
            path: statement.notPrincipal.path,
          }
        : {
            element: 'NotPrincipal',
            matched: true,
            requestValue: req.caller.text,
            path: statement.notPrincipal.path,
          },
    );
    if (excluded) return done(false, [], null);
  }
  const conditions: ConditionTrace[] = [];
  let all = true;
  for (const c of statement.conditions) {
    const trace = evaluateCondition(c, req.context, version);
    conditions.push(trace);
    all &&= trace.result;
  }
  return done(all, conditions, principal);
}
