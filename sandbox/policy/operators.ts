// The condition-operator catalogue. Source:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// and, for the set prefixes, reference_policies_multi-value-conditions.html.
//
// Case: the operators page never says whether operator names are case-sensitive (it only says
// condition *key* names are not, on reference_policies_elements_condition.html). We accept
// exactly the documented spelling, as for `Effect` values, and let validation suggest the
// documented spelling when only the case differs: a learner then writes what AWS documents.

export type OperatorFamily =
  'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** How a Numeric or Date operator compares the request value with the policy value. */
export type Comparison =
  'equals' | 'lessThan' | 'lessThanEquals' | 'greaterThan' | 'greaterThanEquals';

export type SetOperator = 'ForAllValues' | 'ForAnyValue';

export interface ParsedOperator {
  /** The documented base operator, without set prefix or `IfExists`, e.g. `StringNotLike`. */
  readonly base: string;
  readonly family: OperatorFamily;
  readonly ifExists: boolean;
  readonly set: SetOperator | null;
  /** `…Not…` operators: they match when the key is absent (unless `IfExists`/`Null` rules apply). */
  readonly negated: boolean;
  readonly caseInsensitive: boolean;
  /** Values may hold `*` and `?` wildcards (`StringLike`, `ArnLike`, and `ArnEquals`, which behaves identically). */
  readonly like: boolean;
  readonly comparison: Comparison;
}

type Entry = Omit<ParsedOperator, 'ifExists' | 'set'>;

function entry(
  base: string,
  family: OperatorFamily,
  flags: {
    negated?: boolean;
    caseInsensitive?: boolean;
    like?: boolean;
    comparison?: Comparison;
  } = {},
): Entry {
  return {
    base,
    family,
    negated: flags.negated ?? false,
    caseInsensitive: flags.caseInsensitive ?? false,
    like: flags.like ?? false,
    comparison: flags.comparison ?? 'equals',
  };
}

function ordered(family: 'Numeric' | 'Date'): Entry[] {
  return [
    entry(`${family}Equals`, family),
    entry(`${family}NotEquals`, family, { negated: true }),
    entry(`${family}LessThan`, family, { comparison: 'lessThan' }),
    entry(`${family}LessThanEquals`, family, { comparison: 'lessThanEquals' }),
    entry(`${family}GreaterThan`, family, { comparison: 'greaterThan' }),
    entry(`${family}GreaterThanEquals`, family, { comparison: 'greaterThanEquals' }),
  ];
}

const ENTRIES: readonly Entry[] = [
  entry('StringEquals', 'String'),
  entry('StringNotEquals', 'String', { negated: true }),
  entry('StringEqualsIgnoreCase', 'String', { caseInsensitive: true }),
  entry('StringNotEqualsIgnoreCase', 'String', { negated: true, caseInsensitive: true }),
  entry('StringLike', 'String', { like: true }),
  entry('StringNotLike', 'String', { negated: true, like: true }),
  ...ordered('Numeric'),
  ...ordered('Date'),
  entry('Bool', 'Bool'),
  entry('BinaryEquals', 'Binary'),
  entry('IpAddress', 'IpAddress'),
  entry('NotIpAddress', 'IpAddress', { negated: true }),
  // "The ArnEquals and ArnLike condition operators behave identically": both take wildcards.
  entry('ArnEquals', 'Arn', { like: true }),
  entry('ArnLike', 'Arn', { like: true }),
  entry('ArnNotEquals', 'Arn', { negated: true, like: true }),
  entry('ArnNotLike', 'Arn', { negated: true, like: true }),
  entry('Null', 'Null'),
];

const BY_NAME = new Map<string, Entry>(ENTRIES.map((e) => [e.base, e]));
const BY_LOWER_NAME = new Map<string, string>(ENTRIES.map((e) => [e.base.toLowerCase(), e.base]));

/** Every documented base operator, in the page's order (for editor completions). */
export const BASE_OPERATORS: readonly string[] = ENTRIES.map((e) => e.base);

export const SET_OPERATORS: readonly SetOperator[] = ['ForAllValues', 'ForAnyValue'];

const IF_EXISTS = 'IfExists';

/**
 * Parses `ForAnyValue:StringLikeIfExists` and the like; `null` for anything AWS does not
 * document, including `NullIfExists` ("add IfExists … to any condition operator except Null").
 */
export function parseOperator(text: unknown): ParsedOperator | null {
  if (typeof text !== 'string') return null;
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const made = readOperator(text);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(text, made);
  return made;
}

// Every policy repeats the same few operators, and the parser, the catalog's lint and the
// engine each read them: one shared result per text (a ParsedOperator is never changed).
// Bounded, since a policy may be full of made-up ones.
const parsed = new Map<string, ParsedOperator | null>();
const MAX_PARSED = 1024;

function readOperator(text: string): ParsedOperator | null {
  let rest = text;
  let set: SetOperator | null = null;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== 'ForAllValues' && prefix !== 'ForAnyValue') return null;
    set = prefix;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let found = BY_NAME.get(rest);
  if (found === undefined && rest.endsWith(IF_EXISTS)) {
    found = BY_NAME.get(rest.slice(0, -IF_EXISTS.length));
    ifExists = true;
  }
  if (found === undefined || (ifExists && found.family === 'Null')) return null;
  return { ...found, ifExists, set };
}

/**
 * The documented spelling of an operator written with the wrong case (`stringequals` →
 * `StringEquals`), or `null` when there is none. Used only to word findings.
 */
export function suggestOperator(text: string): string | null {
  let rest = text;
  let prefix = '';
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const written = rest.slice(0, colon).toLowerCase();
    const set = SET_OPERATORS.find((s) => s.toLowerCase() === written);
    if (set === undefined) return null;
    prefix = `${set}:`;
    rest = rest.slice(colon + 1);
  }
  const lower = rest.toLowerCase();
  let suffix = '';
  let base = BY_LOWER_NAME.get(lower);
  if (base === undefined && lower.endsWith(IF_EXISTS.toLowerCase())) {
    base = BY_LOWER_NAME.get(lower.slice(0, -IF_EXISTS.length));
    suffix = IF_EXISTS;
  }
  if (base === undefined || (base === 'Null' && suffix !== '')) return null;
  const suggestion = `${prefix}${base}${suffix}`;
  return suggestion === text ? null : suggestion;
}
