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

// Values without variables depend only on the policy text: prepare them once.
const prepared = new WeakMap<Located<string>, PreparedValue>();

function prepareText(
  spec: ParsedOperator,
  located: Located<string>,
  context: ContextIndex,
  version: string | undefined,
): PreparedValue {
  const raw = located.value;
  const resolve =
    TAKES_VARIABLES.has(spec.family) && version === '2012-10-17' && raw.includes('${');
  if (!resolve) {
    const cached = prepared.get(located);
    if (cached !== undefined) return cached;
  }
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
  const result: PreparedValue =
    value === null ? { shown: text, value, note: 'unparsable-value' } : { shown: text, value };
  if (!resolve) prepared.set(located, result);
  return result;
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
      const address = parseIpAddress(request);
      return address !== null && ipInRange(policy.value, address);
    }
    case 'arn':
      return arnPatternMatches(policy.value, request);
  }
}

export function evaluateCondition(
  entry: ConditionEntry,
  context: ContextIndex,
  version: string | undefined,
): ConditionTrace {
  const operator = entry.operator.value;
  const key = entry.key.value;
  const requestValues = contextValues(context, key);
  const base = {
    operator,
    key,
    requestValues,
    path: entry.path,
    ...(entry.range === undefined ? {} : { range: entry.range }),
  };
  const spec = parseOperator(operator);
  if (spec === null) {
    return {
      ...base,
      policyValues: entry.values.map((v) => v.value),
      result: false,
      note: 'unknown-operator',
    };
  }
  const values = entry.values.map((v) => prepareText(spec, v, context, version));
  const policyValues = values.map((v) => v.shown);
  const valueNote = values.find((v) => v.note !== undefined)?.note;
  const withNote = (result: boolean, note?: string): ConditionTrace => {
    const shown = note ?? valueNote;
    return shown === undefined
      ? { ...base, policyValues, result }
      : { ...base, policyValues, result, note: shown };
  };

  const present = requestValues !== null && requestValues.length > 0;
  if (spec.family === 'Null') {
    // `true`: the key must be absent; `false`: present.
    return withNote(values.some((v) => v.value?.kind === 'bool' && v.value.value === !present));
  }
  if (!present) {
    if (spec.ifExists) return withNote(true, 'key-missing-ifexists');
    if (spec.set === 'ForAllValues') return withNote(true, 'key-missing-forallvalues');
    if (spec.set === 'ForAnyValue') return withNote(false, 'key-missing');
    return withNote(spec.negated, spec.negated ? 'key-missing-negated' : 'key-missing');
  }
  const perValue = (request: string): boolean => {
    const any = values.some((v) => compare(spec, request, v.value));
    return spec.negated ? !any : any;
  };
  let result: boolean;
  if (spec.set === 'ForAnyValue') result = requestValues.some(perValue);
  else if (spec.set === 'ForAllValues' || spec.negated) result = requestValues.every(perValue);
  else result = requestValues.some(perValue);
  return withNote(result);
}
