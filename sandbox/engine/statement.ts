// One statement against one request: does it apply, and why (or why not). Elements are
// checked in the order Action, Resource, Principal; the first that fails ends the check
// (its trace says why), and when they all match every condition is evaluated, so the trace
// shows each failing condition, not only the first.
import type {
  ConditionEntry,
  Located,
  ParsedPolicy,
  PrincipalSpec,
  Statement,
} from '../policy/types.ts';
import { actionMatches } from './action.ts';
import { evaluateCondition, type ConditionMemo } from './conditions.ts';
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

/**
 * What evaluating one statement works out from the policy alone, kept for the next request
 * against the same parsed policy (the island after a keystroke, the access map's many
 * requests): the trace's reference, compiled resource patterns, prepared conditions. It is
 * held per policy (policy.ts), by position, rather than in a WeakMap per value: a WeakMap
 * entry for a short-lived key costs the garbage collector about 0.7 µs, and a batch of fresh
 * policies paid that for every value.
 */
export interface StatementMemo {
  ref: StatementRef | undefined;
  /** By position in Resource (or NotResource); only values without policy variables. */
  resources: (ArnPattern | undefined)[] | undefined;
  /** With variables: the last resolution, since consecutive requests usually resolve alike. */
  resolved: ({ readonly key: string; readonly pattern: ArnPattern } | undefined)[] | undefined;
  /** By position in the statement's conditions. */
  readonly conditions: ConditionMemo;
}

export function statementMemo(): StatementMemo {
  return { ref: undefined, resources: undefined, resolved: undefined, conditions: [] };
}

function statementRef(policy: ParsedPolicy, statement: Statement): StatementRef {
  // Without conditional spreads, in the same key order.
  const { doc, name, kind } = policy;
  const { index, sid, effect, path, range } = statement;
  const ref: Mutable<StatementRef> =
    sid === undefined
      ? { doc, policy: name, policyKind: kind, index, effect, path }
      : { doc, policy: name, policyKind: kind, index, sid, effect, path };
  if (range !== undefined) ref.range = range;
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

function resourceMatches(
  value: Located<string>,
  at: number,
  memo: StatementMemo,
  req: PreparedRequest,
  version: string | undefined,
): boolean {
  let pattern = memo.resources?.[at];
  if (pattern === undefined) {
    const sub = substitute(value.value, req.context, version);
    // A variable with no value: the resource "will not match any resource" (Variables page).
    if (!sub.ok) return false;
    const resolved = version === '2012-10-17' && value.value.includes('${');
    if (!resolved) {
      pattern = compileArnPattern(sub.parts);
      (memo.resources ??= [])[at] = pattern;
    } else {
      const key = sub.parts.map((p) => `${p.literal ? '1' : '0'}${p.text}`).join('\u0000');
      const last = memo.resolved?.[at];
      if (last?.key === key) pattern = last.pattern;
      else {
        pattern = compileArnPattern(sub.parts);
        (memo.resolved ??= [])[at] = { key, pattern };
      }
    }
  }
  return arnPatternMatches(pattern, req.resource, req.resourceFields);
}

function matchResource(
  statement: Statement,
  memo: StatementMemo,
  req: PreparedRequest,
  version: string | undefined,
): MatchTrace | null {
  const list = statement.resource ?? statement.notResource;
  if (list === undefined) return null;
  const negated = statement.resource === undefined;
  let hit: Located<string> | undefined;
  for (let i = 0; i < list.length; i++) {
    const value = list[i] as Located<string>;
    if (resourceMatches(value, i, memo, req, version)) {
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
  memo: StatementMemo,
  req: PreparedRequest,
  version: string | undefined,
): StatementResult {
  const ref = (memo.ref ??= statementRef(policy, statement));
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
  const resource = matchResource(statement, memo, req, version);
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
  const entries = statement.conditions;
  for (let i = 0; i < entries.length; i++) {
    const trace = evaluateCondition(
      entries[i] as ConditionEntry,
      req.context,
      version,
      memo.conditions,
      i,
    );
    conditions.push(trace);
    all &&= trace.result;
  }
  return done(all, conditions, principal);
}
