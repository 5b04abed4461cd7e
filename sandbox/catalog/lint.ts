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
import { arnParts, formatTokens, patternsMeet, policyTokens } from './arn-format.ts';
import { CATALOG_FINDING_CODES, type CatalogFindingCode } from './codes.ts';
import { CM } from './messages.ts';
import { closest } from './suggest.ts';
import type { Action, Catalog, ConditionType, Service } from './types.ts';

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
const formats = new Map<string, { readonly service: string; readonly tokens: number[] }>();

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

function formatOf(arn: string): { readonly service: string; readonly tokens: number[] } | null {
  let f = formats.get(arn);
  if (f === undefined) {
    const parts = arnParts(arn);
    if (parts === null) return null;
    f = { service: parts.service, tokens: formatTokens(parts.resource) };
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

/** What a statement's `Action` resolves to: every action, or `null` when some is unknown. */
function resolveActions(
  catalog: Catalog,
  out: Collector,
  values: readonly Located<string>[],
): Action[] | null {
  let all: Action[] | null = [];
  for (const v of values) {
    const found = resolveAction(catalog, out, v);
    if (found === null) all = null;
    else if (all !== null) for (const a of found) all.push(a);
  }
  return all;
}

function resolveAction(
  catalog: Catalog,
  out: Collector,
  v: Located<string>,
): readonly Action[] | null {
  const text = v.value;
  const colon = text.indexOf(':');
  // `*` and malformed values (reported by the parser) stand for no list we can check.
  if (colon <= 0) return null;
  const prefix = text.slice(0, colon);
  if (hasWildcard(prefix)) return null;
  const service = catalog.service(prefix);
  if (service === undefined) {
    const suggestion = closest(
      prefix.toLowerCase(),
      catalog.index.services.map(([p]) => p),
    );
    out.add('unknown-service', CM.unknownService(prefix, suggestion), v.path, v.range);
    return null;
  }
  if (service === null) return null;
  const name = text.slice(colon + 1);
  if (hasWildcard(name)) {
    const found = matchActions(service, name);
    if (found.length === 0)
      out.add(
        'wildcard-matches-no-action',
        CM.wildcardMatchesNothing(text, service.name),
        v.path,
        v.range,
      );
    return found;
  }
  const action = service.action(name);
  if (action === undefined) {
    const at = closest(name.toLowerCase(), cacheOf(service).lowerNames);
    const suggestion = at === null ? null : `${service.prefix}:${service.action(at)?.name ?? at}`;
    out.add('unknown-action', CM.unknownAction(text, service.name, suggestion), v.path, v.range);
    return null;
  }
  return [action];
}

function checkResources(
  catalog: Catalog,
  out: Collector,
  actions: readonly Action[],
  resources: readonly Located<string>[],
): void {
  // An action that takes only `"*"` is matched by no ARN at all: whether that deserves a
  // finding of its own is another question; here such statements are left alone.
  if (actions.length === 0 || actions.some((a) => a.resourceTypes.length === 0)) return;
  const types = new Map<string, { readonly service: string; readonly tokens: number[] }>();
  for (const a of actions) {
    const service = catalog.service(a.service);
    if (service === null || service === undefined) return;
    for (const key of a.resourceTypes) {
      const type = service.resourceType(key);
      if (type === undefined) return;
      const f = formatOf(type.arn);
      if (f === null) return;
      types.set(`${a.service}/${key}`, f);
    }
  }
  for (const r of resources) {
    if (r.value === '*') continue;
    const parts = arnParts(r.value);
    if (parts === null) continue;
    const tokens = policyTokens(parts.resource);
    const service = policyTokens(parts.service);
    let meets = false;
    for (const f of types.values()) {
      if (patternsMeet(service, policyTokens(f.service)) && patternsMeet(tokens, f.tokens)) {
        meets = true;
        break;
      }
    }
    if (!meets) {
      const names = [...new Set(actions.map((a) => `${a.service}:${a.name}`))];
      const typeNames = [...types.keys()].map((k) => k.slice(k.indexOf('/') + 1));
      out.add(
        'resource-type-mismatch',
        CM.resourceTypeMismatch(r.value, names, [...new Set(typeNames)]),
        r.path,
        r.range,
      );
    }
  }
}

/** A condition key's prefix that looks like an OIDC provider's host (`oidc.example.com:sub`). */
function isProviderKey(key: string): boolean {
  const colon = key.indexOf(':');
  return colon > 0 && key.slice(0, colon).includes('.');
}

function checkCondition(
  catalog: Catalog,
  out: Collector,
  entry: ConditionEntry,
  actions: readonly Action[] | null,
): void {
  const key = entry.key;
  const found = catalog.conditionKey(key.value);
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
  if (found.global || actions === null || actions.length === 0) return;
  const lower = found.key.toLowerCase();
  if (!actions.some((a) => keysOf(catalog, a).has(lower))) {
    const names = [...new Set(actions.map((a) => `${a.service}:${a.name}`))];
    out.add(
      'unsupported-condition-key',
      CM.unsupportedConditionKey(key.value, names),
      key.path,
      key.range,
    );
  }
}

function isPassRole(a: Action): boolean {
  return a.service === 'iam' && a.name === 'PassRole';
}

function lintStatement(catalog: Catalog, out: Collector, st: Statement): void {
  const actions = st.action === undefined ? null : resolveActions(catalog, out, st.action);
  if (st.notAction !== undefined) {
    resolveActions(catalog, out, st.notAction);
    const first = st.notAction[0];
    if (st.effect === 'Allow' && first !== undefined)
      out.add('allow-with-notaction', CM.allowWithNotAction(), `${st.path}/NotAction`, first.range);
  }
  if (st.effect === 'Allow' && actions !== null && actions.some(isPassRole)) {
    const star = st.resource?.find((r) => r.value === '*');
    if (star !== undefined)
      out.add('pass-role-with-star', CM.passRoleWithStar(), star.path, star.range);
  }
  if (actions !== null && st.resource !== undefined)
    checkResources(catalog, out, actions, st.resource);
  for (const entry of st.conditions) checkCondition(catalog, out, entry, actions);
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
