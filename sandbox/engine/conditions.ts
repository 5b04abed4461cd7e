// One condition (operator + key + values) against the request context.
// - Keys are case-insensitive; a missing key makes a positive operator false and a negated
//   one true, except `…IfExists` (true) and `Null` (the existence test itself).
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// - Several policy values are OR-ed; for negated operators that reads as "matches none".
// - ForAllValues: every request value matches some policy value (true for no values);
//   ForAnyValue: some request value does (false for no values).
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
// - Policy variables are resolved only for String, Arn and Bool operators. The Variables page
//   lists Boolean among the operators that take no variables, while the Condition operators
//   page says Bool does; the simulator follows the operators page, the more specific one.
//   A variable with no value matches nothing, so negated operators match it.
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import { parseOperator, type ParsedOperator } from '../policy/operators.ts';
import type { ConditionEntry, Located } from '../policy/types.ts';
import {
  decodeBase64,
  ipInRange,
  parseBoolValue,
  parseDateValue,
  parseIpAddress,
  parseIpValue,
  parseNumericValue,
  sameBytes,
  type IpRange,
} from '../policy/values.ts';
import { contextValues, type ContextIndex } from './context.ts';
import { arnPatternMatches, compileArnPattern, type ArnPattern } from './resource.ts';
import type { ConditionTrace } from './types.ts';
import { partsText, substitute } from './variables.ts';
import { compileGlobParts, matchGlob, type Glob } from '../policy/wildcard.ts';

/** A policy value made ready for one operator family; `null` when it cannot match. */
type Prepared =
  | { readonly kind: 'string'; readonly text: string; readonly lower: string; glob: Glob | null }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'bytes'; readonly value: Uint8Array }
  | { readonly kind: 'ip'; readonly value: IpRange }
  | { readonly kind: 'arn'; readonly value: ArnPattern }
  | null;

interface PreparedValue {
  readonly shown: string;
  readonly value: Prepared;
  readonly note?: 'variable-missing' | 'unparsable-value';
}

const TAKES_VARIABLES = new Set(['String', 'Arn', 'Bool']);

function prepareText(
  spec: ParsedOperator,
  located: Located<string>,
  context: ContextIndex,
  version: string | undefined,
): PreparedValue {
  const raw = located.value;
  const resolve =
    TAKES_VARIABLES.has(spec.family) && version === '2012-10-17' && raw.includes('${');
  const sub = resolve
    ? substitute(raw, context, version)
    : { ok: true as const, parts: [{ text: raw, literal: false }] };
  if (!sub.ok) return { shown: raw, value: null, note: 'variable-missing' };
  const text = partsText(sub.parts);
  let value: Prepared = null;
  switch (spec.family) {
    case 'String':
      value = {
        kind: 'string',
        text,
        lower: text.toLowerCase(),
        glob: spec.like ? compileGlobParts(sub.parts) : null,
      };
      break;
    case 'Numeric': {
      const n = parseNumericValue(text);
      value = n === null ? null : { kind: 'number', value: n };
      break;
    }
    case 'Date': {
      const d = parseDateValue(text);
      value = d === null ? null : { kind: 'number', value: d };
      break;
    }
    case 'Bool':
    case 'Null': {
      const b = parseBoolValue(text);
      value = b === null ? null : { kind: 'bool', value: b };
      break;
    }
    case 'Binary': {
      const bytes = decodeBase64(text);
      value = bytes === null ? null : { kind: 'bytes', value: bytes };
      break;
    }
    case 'IpAddress': {
      const range = parseIpValue(text);
      value = range === null ? null : { kind: 'ip', value: range };
      break;
    }
    case 'Arn':
      value = { kind: 'arn', value: compileArnPattern(sub.parts) };
      break;
  }
  return value === null ? { shown: text, value, note: 'unparsable-value' } : { shown: text, value };
}

function ordered(
  comparison: ParsedOperator['comparison'],
  request: number,
  policy: number,
): boolean {
  switch (comparison) {
    case 'equals':
      return request === policy;
    case 'lessThan':
      return request < policy;
    case 'lessThanEquals':
      return request <= policy;
    case 'greaterThan':
      return request > policy;
    case 'greaterThanEquals':
      return request >= policy;
  }
}

// Requests carry few typed values (one source IP, one time) compared against many policy
// values: keep the last reading of each kind.
let lastAddressText: string | null = null;
let lastAddress: IpRange | null = null;

function requestAddress(text: string): IpRange | null {
  if (text !== lastAddressText) {
    lastAddress = parseIpAddress(text);
    lastAddressText = text;
  }
  return lastAddress;
}

/** Whether one request value matches one policy value under the base (un-negated) operator. */
function compare(spec: ParsedOperator, request: string, policy: Prepared): boolean {
  if (policy === null) return false;
  switch (policy.kind) {
    case 'string':
      if (policy.glob !== null) return matchGlob(policy.glob, request);
      return spec.caseInsensitive
        ? request.toLowerCase() === policy.lower
        : request === policy.text;
    case 'number': {
      const value = spec.family === 'Date' ? parseDateValue(request) : parseNumericValue(request);
      return value !== null && ordered(spec.comparison, value, policy.value);
    }
    case 'bool':
      return parseBoolValue(request) === policy.value;
    case 'bytes': {
      const bytes = decodeBase64(request);
      return bytes !== null && sameBytes(bytes, policy.value);
    }
    case 'ip': {
      const address = requestAddress(request);
      return address !== null && ipInRange(policy.value, address);
    }
    case 'arn':
      return arnPatternMatches(policy.value, request);
  }
}

interface PreparedEntry {
  readonly spec: ParsedOperator | null;
  readonly values: readonly PreparedValue[];
  readonly policyValues: readonly string[];
  readonly valueNote: string | undefined;
}

/**
 * Prepared entries by position in their statement, kept by the caller for the next request
 * against the same parsed policy (statement.ts); only entries whose values hold no variable
 * are kept, since they read the same for every request.
 */
export type ConditionMemo = (PreparedEntry | undefined)[];

function prepareEntry(
  entry: ConditionEntry,
  context: ContextIndex,
  version: string | undefined,
): { readonly prepared: PreparedEntry; readonly reusable: boolean } {
  const spec = parseOperator(entry.operator.value);
  if (spec === null) {
    const unknown = {
      spec,
      values: [],
      policyValues: entry.values.map((v) => v.value),
      valueNote: 'unknown-operator',
    };
    return { prepared: unknown, reusable: true };
  }
  const values = entry.values.map((v) => prepareText(spec, v, context, version));
  const prepared = {
    spec,
    values,
    policyValues: values.map((v) => v.shown),
    valueNote: values.find((v) => v.note !== undefined)?.note,
  };
  const resolves =
    TAKES_VARIABLES.has(spec.family) &&
    version === '2012-10-17' &&
    entry.values.some((v) => v.value.includes('${'));
  return { prepared, reusable: !resolves };
}

/** `memo[at]` holds this entry's preparation from an earlier request, when it can be reused. */
export function evaluateCondition(
  entry: ConditionEntry,
  context: ContextIndex,
  version: string | undefined,
  memo: ConditionMemo = [],
  at = 0,
): ConditionTrace {
  const operator = entry.operator.value;
  const key = entry.key.value;
  const requestValues = contextValues(context, key);
  let ready = memo[at];
  if (ready === undefined) {
    const made = prepareEntry(entry, context, version);
    ready = made.prepared;
    if (made.reusable) memo[at] = ready;
  }
  const { spec, values, policyValues, valueNote } = ready;
  // Built field by field: this runs for every condition of every applicable statement.
  const trace = (result: boolean, note?: string): ConditionTrace => {
    const shown = note ?? valueNote;
    const range = entry.range;
    if (shown === undefined) {
      return range === undefined
        ? { operator, key, requestValues, path: entry.path, policyValues, result }
        : { operator, key, requestValues, path: entry.path, range, policyValues, result };
    }
    return range === undefined
      ? { operator, key, requestValues, path: entry.path, policyValues, result, note: shown }
      : {
          operator,
          key,
          requestValues,
          path: entry.path,
          range,
          policyValues,
          result,
          note: shown,
        };
  };
  if (spec === null) return trace(false);

  const present = requestValues !== null && requestValues.length > 0;
  if (spec.family === 'Null') {
    // `true`: the key must be absent; `false`: present.
    return trace(values.some((v) => v.value?.kind === 'bool' && v.value.value === !present));
  }
  if (!present) {
    if (spec.ifExists) return trace(true, 'key-missing-ifexists');
    if (spec.set === 'ForAllValues') return trace(true, 'key-missing-forallvalues');
    if (spec.set === 'ForAnyValue') return trace(false, 'key-missing');
    return trace(spec.negated, spec.negated ? 'key-missing-negated' : 'key-missing');
  }
  const perValue = (request: string): boolean => {
    let any = false;
    for (const v of values) {
      if (compare(spec, request, v.value)) {
        any = true;
        break;
      }
    }
    return spec.negated ? !any : any;
  };
  let result: boolean;
  if (spec.set === 'ForAnyValue') result = requestValues.some(perValue);
  else if (spec.set === 'ForAllValues' || spec.negated) result = requestValues.every(perValue);
  else result = requestValues.some(perValue);
  return trace(result);
}
