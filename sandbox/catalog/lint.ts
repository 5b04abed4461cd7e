// Lint with context: the checks that need AWS's action catalog, run on a parsed policy. They
// never change a decision (an unknown action simply matches no request, as in AWS); they say
// what Access Analyzer would say. A service the catalog has not loaded yet is skipped, not
// guessed: the editor loads it and lints again.
import { locator } from '../policy/locate.ts';
import { parseOperator, type OperatorFamily } from '../policy/operators.ts';
import type {
  ConditionEntry,
  Finding,
  Located,
  ParsedPolicy,
  SourceRange,
  Statement,
} from '../policy/types.ts';
import { compileGlob, matchGlob } from '../policy/wildcard.ts';
import { arnParts, formatRegExp, formatTokens, patternsMeet, policyTokens } from './arn-format.ts';
import { CATALOG_FINDING_CODES, type CatalogFindingCode } from './codes.ts';
import { CM } from './messages.ts';
import { closest } from './suggest.ts';
import type {
  Action,
  Catalog,
  ConditionKey,
  ConditionType,
  ResourceType,
  Service,
} from './types.ts';

/** Operator families that fit a key's type; `Null` fits every key. */
const FITS: Readonly<Record<ConditionType, readonly OperatorFamily[]>> = {
  String: ['String'],
  ArrayOfString: ['String'],
  // ARN keys take the ARN operators and, as the condition-operator page says, String ones.
  ARN: ['Arn', 'String'],
  ArrayOfARN: ['Arn', 'String'],
  Bool: ['Bool'],
  ArrayOfBool: ['Bool'],
  Numeric: ['Numeric'],
  ArrayOfNumeric: ['Numeric'],
  Date: ['Date'],
  ArrayOfDate: ['Date'],
  IPAddress: ['IpAddress'],
  ArrayOfIPAddress: ['IpAddress'],
  Binary: ['Binary'],
  ArrayOfBinary: ['Binary'],
};

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

// Per-service caches: lower-case names for wildcards, wildcard results, and the keys each
// action takes (its own plus its resource types'), so that linting many policies that name
// the same actions does the work once.
interface ServiceCache {
  readonly lowerNames: readonly string[];
  readonly wildcards: Map<string, readonly Action[]>;
}
const serviceCaches = new WeakMap<Service, ServiceCache>();
const actionKeys = new WeakMap<Action, ReadonlySet<string>>();
const formats = new Map<string, Format>();

function cacheOf(service: Service): ServiceCache {
  let cache = serviceCaches.get(service);
  if (cache === undefined) {
    cache = { lowerNames: service.actions.map((a) => a.name.toLowerCase()), wildcards: new Map() };
    serviceCaches.set(service, cache);
  }
  return cache;
}

/** Actions of `service` a wildcard name (`Get*`) matches, case-insensitively. */
export function matchActions(service: Service, name: string): readonly Action[] {
  const cache = cacheOf(service);
  const lower = name.toLowerCase();
  let found = cache.wildcards.get(lower);
  if (found === undefined) {
    const glob = compileGlob(lower);
    found = service.actions.filter((_, i) => matchGlob(glob, cache.lowerNames[i] ?? ''));
    cache.wildcards.set(lower, found);
  }
  return found;
}

function keysOf(catalog: Catalog, action: Action): ReadonlySet<string> {
  let keys = actionKeys.get(action);
  if (keys === undefined) {
    const set = new Set(action.conditionKeys.map((k) => k.toLowerCase()));
    const service = catalog.service(action.service);
    for (const type of action.resourceTypes) {
      for (const k of service?.resourceType(type)?.conditionKeys ?? []) set.add(k.toLowerCase());
    }
    keys = set;
    actionKeys.set(action, keys);
  }
  return keys;
}

interface Format {
  readonly service: string;
  readonly tokens: readonly number[];
  /** The resource part as a regular expression, for the usual ARN without wildcards. */
  readonly literal: RegExp;
}

function formatOf(arn: string): Format | null {
  let f = formats.get(arn);
  if (f === undefined) {
    const parts = arnParts(arn);
    if (parts === null) return null;
    f = {
      service: parts.service,
      tokens: formatTokens(parts.resource),
      literal: formatRegExp(parts.resource),
    };
    formats.set(arn, f);
  }
  return f;
}

interface Collector {
  add(
    code: CatalogFindingCode,
    message: Finding['message'],
    path: string,
    range?: SourceRange,
  ): void;
}

/**
 * The actions a statement's values name, one list per value as the catalog resolved it (never
 * copied into one: `ec2:*` alone is hundreds of actions, in every statement that writes it),
 * and whether every value could be resolved.
 */
interface Resolved {
  readonly groups: (readonly Action[])[];
  readonly complete: boolean;
}

function resolveActions(
  catalog: Catalog,
  out: Collector,
  values: readonly Located<string>[],
): Resolved {
  const groups: (readonly Action[])[] = [];
  let complete = true;
  for (const v of values) {
    const found = resolveAction(catalog, out, v);
    if (found === null) complete = false;
    else if (found.length > 0) groups.push(found);
  }
  return { groups, complete };
}

/**
 * What the checks ask of one resolved list, worked out once per list: the lists are the
 * catalog's own (a wildcard's matches, a single action's), reused by every value that names
 * them.
 */
interface GroupFacts {
  readonly passRole: boolean;
  /** The resource types its actions take (`typesOf`), or `null` when some type is unknown. */
  readonly types: ReadonlyMap<string, Format> | null;
  /** Lower-case condition keys its actions support (their own and their resource types'). */
  readonly keys: ReadonlySet<string>;
}

const groupFacts = new WeakMap<readonly Action[], GroupFacts>();

function factsOf(catalog: Catalog, group: readonly Action[]): GroupFacts {
  let facts = groupFacts.get(group);
  if (facts === undefined) {
    const keys = new Set<string>();
    for (const a of group) for (const k of keysOf(catalog, a)) keys.add(k);
    facts = { passRole: group.some(isPassRole), types: typesOf(catalog, group), keys };
    groupFacts.set(group, facts);
  }
  return facts;
}

/** The statement's `Action` values as written (`s3:*`, not the 180 actions it stands for). */
function actionNames(st: Statement): string[] {
  return [...new Set((st.action ?? []).map((v) => v.value))];
}

/** What one `Action` value stands for, and the finding it deserves, if any. */
interface Resolution {
  readonly actions: readonly Action[] | null;
  readonly problem?: { readonly code: CatalogFindingCode; readonly message: Finding['message'] };
}

const UNRESOLVED: Resolution = { actions: null };

function resolveText(catalog: Catalog, text: string): Resolution | null {
  const colon = text.indexOf(':');
  // `*` and malformed values (reported by the parser) stand for no list we can check.
  if (colon <= 0) return UNRESOLVED;
  const prefix = text.slice(0, colon);
  if (hasWildcard(prefix)) return UNRESOLVED;
  const service = catalog.service(prefix);
  if (service === null) return null;
  if (service === undefined) {
    const suggestion = closest(
      prefix.toLowerCase(),
      catalog.index.services.map(([p]) => p),
    );
    return {
      actions: null,
      problem: { code: 'unknown-service', message: CM.unknownService(prefix, suggestion) },
    };
  }
  const name = text.slice(colon + 1);
  if (hasWildcard(name)) {
    const found = matchActions(service, name);
    return found.length > 0
      ? { actions: found }
      : {
          actions: found,
          problem: {
            code: 'wildcard-matches-no-action',
            message: CM.wildcardMatchesNothing(text, service.name),
          },
        };
  }
  const action = service.action(name);
  if (action !== undefined) return { actions: [action] };
  const at = closest(name.toLowerCase(), cacheOf(service).lowerNames);
  const suggestion = at === null ? null : `${service.prefix}:${service.action(at)?.name ?? at}`;
  return {
    actions: null,
    problem: {
      code: 'unknown-action',
      message: CM.unknownAction(text, service.name, suggestion),
    },
  };
}

// Resolutions by value text, per catalog: the same `s3:GetObject` is resolved once per run,
// however many policies name it. A service not loaded yet is not remembered.
const resolutions = new WeakMap<Catalog, Map<string, Resolution>>();

function resolveAction(
  catalog: Catalog,
  out: Collector,
  v: Located<string>,
): readonly Action[] | null {
  let known = resolutions.get(catalog);
  if (known === undefined) {
    known = new Map();
    resolutions.set(catalog, known);
  }
  let r = known.get(v.value);
  if (r === undefined) {
    const made = resolveText(catalog, v.value);
    if (made === null) return null;
    r = made;
    known.set(v.value, r);
  }
  if (r.problem !== undefined) out.add(r.problem.code, r.problem.message, v.path, v.range);
  return r.actions;
}

/**
 * The resource types the actions take (none for actions that take only `"*"`), or `null` when
 * some type is unknown. An action that takes only `"*"` is matched by no ARN at all, so it adds
 * no type: `s3:*` on a DynamoDB table is still a finding, although `s3:ListAllMyBuckets` is
 * among its actions.
 */
function typesOf(catalog: Catalog, actions: readonly Action[]): Map<string, Format> | null {
  const types = new Map<string, Format>();
  for (const a of actions) {
    if (a.resourceTypes.length === 0) continue;
    const service = catalog.service(a.service);
    if (service === null || service === undefined) return null;
    for (const key of a.resourceTypes) {
      const type = service.resourceType(key);
      const f = type === undefined ? null : formatOf(type.arn);
      if (f === null) return null;
      types.set(key, f);
    }
  }
  return types;
}

/** A policy ARN, split once for all the formats it is compared with. */
interface PolicyArn {
  readonly service: string;
  readonly resource: string;
  readonly literal: boolean;
  tokens: readonly number[] | null;
}

function fitsFormat(arn: PolicyArn, f: Format): boolean {
  const serviceFits = hasWildcard(arn.service)
    ? patternsMeet(policyTokens(arn.service), policyTokens(f.service))
    : arn.service === f.service;
  if (!serviceFits) return false;
  if (arn.literal) return f.literal.test(arn.resource);
  arn.tokens ??= policyTokens(arn.resource);
  return patternsMeet(arn.tokens, f.tokens);
}

/**
 * The resource types of the ARN's service that an ARN (with or without wildcards) can name;
 * `null` when the service is unknown, not loaded yet, or written with a wildcard.
 */
export function arnResourceTypes(catalog: Catalog, arn: string): ResourceType[] | null {
  const parts = arnParts(arn);
  if (parts === null || hasWildcard(parts.service)) return null;
  const service = catalog.service(parts.service);
  if (service === null || service === undefined) return null;
  const policyArn: PolicyArn = {
    ...parts,
    literal: !hasWildcard(parts.resource) && !parts.resource.includes('${'),
    tokens: null,
  };
  return service.resourceTypes.filter((t) => {
    const f = formatOf(t.arn);
    return f !== null && fitsFormat(policyArn, f);
  });
}

/**
 * The resource types the groups' actions take, or `null` when there is nothing to check an ARN
 * against: some type is unknown, or every action takes only `"*"` (whether such a statement
 * with an ARN deserves a finding of its own is another question; it is left alone).
 */
function groupTypes(
  catalog: Catalog,
  groups: readonly (readonly Action[])[],
): ReadonlyMap<string, Format> | null {
  const first = groups[0];
  if (groups.length === 1 && first !== undefined) {
    const own = factsOf(catalog, first).types;
    return own === null || own.size === 0 ? null : own;
  }
  const types = new Map<string, Format>();
  for (const group of groups) {
    const own = factsOf(catalog, group).types;
    if (own === null) return null;
    for (const [key, f] of own) types.set(key, f);
  }
  return types.size === 0 ? null : types;
}

function checkResources(
  catalog: Catalog,
  out: Collector,
  st: Statement,
  groups: readonly (readonly Action[])[],
  resources: readonly Located<string>[],
): void {
  let types: ReadonlyMap<string, Format> | null | undefined;
  for (const r of resources) {
    const parts = r.value === '*' ? null : arnParts(r.value);
    if (parts === null) continue;
    types ??= groupTypes(catalog, groups);
    if (types === null) return;
    const arn: PolicyArn = {
      service: parts.service,
      resource: parts.resource,
      literal: !hasWildcard(parts.resource) && !parts.resource.includes('${'),
      tokens: null,
    };
    let fits = false;
    for (const f of types.values()) {
      if (fitsFormat(arn, f)) {
        fits = true;
        break;
      }
    }
    if (!fits) {
      out.add(
        'resource-type-mismatch',
        CM.resourceTypeMismatch(r.value, actionNames(st), [...types.keys()].sort()),
        r.path,
        r.range,
      );
    }
  }
}

// Condition keys by the text written, per catalog (not when the service is still loading).
const keyLookups = new WeakMap<Catalog, Map<string, ConditionKey | undefined>>();

function conditionKeyOf(catalog: Catalog, text: string): ConditionKey | null | undefined {
  let known = keyLookups.get(catalog);
  if (known === undefined) {
    known = new Map();
    keyLookups.set(catalog, known);
  }
  if (known.has(text)) return known.get(text);
  const found = catalog.conditionKey(text);
  if (found !== null) known.set(text, found);
  return found;
}

/** A condition key's prefix that looks like an OIDC provider's host (`oidc.example.com:sub`). */
function isProviderKey(key: string): boolean {
  const colon = key.indexOf(':');
  return colon > 0 && key.slice(0, colon).includes('.');
}

function checkCondition(
  catalog: Catalog,
  out: Collector,
  st: Statement,
  entry: ConditionEntry,
  groups: readonly (readonly Action[])[] | null,
): void {
  const key = entry.key;
  const found = conditionKeyOf(catalog, key.value);
  if (found === null) return;
  if (found === undefined) {
    // Any OIDC provider's URL is a key prefix; only the common ones are in the catalog.
    if (!isProviderKey(key.value))
      out.add('unknown-condition-key', CM.unknownConditionKey(key.value), key.path, key.range);
    return;
  }
  const operator = parseOperator(entry.operator.value);
  if (
    operator !== null &&
    operator.family !== 'Null' &&
    !FITS[found.type].includes(operator.family)
  ) {
    out.add(
      'operator-type-mismatch',
      CM.operatorTypeMismatch(entry.operator.value, key.value, found.type),
      key.path,
      key.range,
    );
  }
  if (found.global || groups === null || groups.length === 0) return;
  const lower = found.key.toLowerCase();
  if (!groups.some((g) => factsOf(catalog, g).keys.has(lower))) {
    out.add(
      'unsupported-condition-key',
      CM.unsupportedConditionKey(key.value, actionNames(st)),
      key.path,
      key.range,
    );
  }
}

function isPassRole(a: Action): boolean {
  return a.service === 'iam' && a.name === 'PassRole';
}

function lintStatement(catalog: Catalog, out: Collector, st: Statement): void {
  const resolved = st.action === undefined ? null : resolveActions(catalog, out, st.action);
  // Checks that ask "does any of the statement's actions …" need all of them known.
  const groups = resolved?.complete === true ? resolved.groups : null;
  if (st.notAction !== undefined) {
    resolveActions(catalog, out, st.notAction);
    const first = st.notAction[0];
    if (st.effect === 'Allow' && first !== undefined)
      out.add('allow-with-notaction', CM.allowWithNotAction(), `${st.path}/NotAction`, first.range);
  }
  if (
    st.effect === 'Allow' &&
    resolved !== null &&
    resolved.groups.some((g) => factsOf(catalog, g).passRole)
  ) {
    const star = st.resource?.find((r) => r.value === '*');
    if (star !== undefined)
      out.add('pass-role-with-star', CM.passRoleWithStar(), star.path, star.range);
  }
  if (groups !== null && st.resource !== undefined)
    checkResources(catalog, out, st, groups, st.resource);
  for (const entry of st.conditions) checkCondition(catalog, out, st, entry, groups);
}

/**
 * The catalog's findings for a parsed policy, sorted by position. Kept apart from the
 * parser's findings: they are not errors AWS's policy grammar knows, so they never make a
 * policy unusable for the engine.
 */
export function lintPolicy(policy: ParsedPolicy, catalog: Catalog): Finding[] {
  const document = policy.document;
  if (document === null) return [];
  const findings: Finding[] = [];
  let locate: ((offset: number) => { line: number; column: number }) | null = null;
  const out: Collector = {
    add(code, message, path, range) {
      const severity = CATALOG_FINDING_CODES[code];
      if (range === undefined) {
        findings.push({ code, severity, message, path });
        return;
      }
      locate ??= locator(policy.text);
      findings.push({ code, severity, message, path, range, position: locate(range.start) });
    },
  };
  for (const st of document.statements) lintStatement(catalog, out, st);
  if (findings.length > 1)
    findings.sort((a, b) => (a.range?.start ?? Infinity) - (b.range?.start ?? Infinity));
  return findings;
}

/**
 * A policy's findings with context, for the editor and the engine alike: the parser's and,
 * given the catalog, the catalog's, in text order. The catalog's never change `hasErrors`:
 * the policy stays as usable for the engine as AWS would find it.
 */
export function policyFindings(policy: ParsedPolicy, catalog: Catalog | null): Finding[] {
  const all =
    catalog === null ? [...policy.findings] : [...policy.findings, ...lintPolicy(policy, catalog)];
  return all.sort(
    (a, b) =>
      (a.range?.start ?? Number.MAX_SAFE_INTEGER) - (b.range?.start ?? Number.MAX_SAFE_INTEGER),
  );
}
