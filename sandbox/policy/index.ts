export { parsePolicy } from './parse.ts';
export type { ParseOptions } from './parse.ts';
export { locate } from './locate.ts';
export { BASE_OPERATORS, SET_OPERATORS, parseOperator, suggestOperator } from './operators.ts';
export type { Comparison, OperatorFamily, ParsedOperator, SetOperator } from './operators.ts';
export { DEFAULT_SIZE_LIMITS, POLICY_SIZE_LIMITS, policySize } from './size.ts';
export {
  decodeBase64,
  hasPolicyVariable,
  ipInRange,
  isBase64,
  parseBoolValue,
  parseDateValue,
  parseIpAddress,
  parseIpValue,
  parseNumericValue,
  sameBytes,
} from './values.ts';
export type { IpRange } from './values.ts';
export { compileGlob, globMatch, matchGlob, wildcardMatch } from './wildcard.ts';
export type { Glob } from './wildcard.ts';
export { TRUST_ACTIONS } from './validate-values.ts';
export { MAX_DEPTH } from './json.ts';
export { FINDING_CODES } from './codes.ts';
export type { FindingCode } from './codes.ts';
export type * from './types.ts';
