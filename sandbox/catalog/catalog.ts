// The catalog over its files: an index that is always there and services read on demand, each
// turned once into lookups by lower-case name (IAM compares action names and condition keys
// case-insensitively).
import { compileGlob, matchGlob, type Glob } from '../policy/wildcard.ts';
import {
  ACCESS_LEVELS,
  type Action,
  type Catalog,
  type CatalogIndex,
  type ConditionKey,
  type ConditionType,
  type ResourceType,
  type Service,
  type ServiceFile,
} from './types.ts';

/**
 * A key with parts the policy fills in (`${TagKey}`, or `<key>` in a few S3 keys) as a
 * case-insensitive pattern: each such part is one or more characters.
 */
function keyGlob(template: string): Glob | null {
  if (!template.includes('${') && !template.includes('<')) return null;
  return compileGlob(template.toLowerCase().replace(/\$\{[^}]*\}|<[^>]*>/g, '?*'));
}

interface KeyTable {
  readonly exact: Map<string, ConditionKey>;
  readonly templates: { readonly glob: Glob; readonly key: ConditionKey }[];
}

function keyTable(keys: readonly ConditionKey[]): KeyTable {
  const exact = new Map<string, ConditionKey>();
  const templates: KeyTable['templates'] = [];
  for (const key of keys) {
    exact.set(key.key.toLowerCase(), key);
    const glob = keyGlob(key.key);
    if (glob !== null) templates.push({ glob, key });
  }
  return { exact, templates };
}

function findKey(table: KeyTable, lower: string): ConditionKey | undefined {
  const exact = table.exact.get(lower);
  if (exact !== undefined) return exact;
  for (const t of table.templates) if (matchGlob(t.glob, lower)) return t.key;
  return undefined;
}

/**
 * The claims of any OIDC provider's token that IAM offers as keys under the provider's URL
 * (`token.actions.githubusercontent.com:sub`); the reference lists provider-specific keys
 * only for a few providers. Source: "Available keys for AWS OIDC federation",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
const OIDC_CLAIMS: Readonly<Record<string, ConditionKey>> = {
  aud: {
    key: '${ProviderUrl}:aud',
    type: 'String',
    description: 'Filters access by the audience (client ID) of the OIDC token',
    global: true,
  },
  sub: {
    key: '${ProviderUrl}:sub',
    type: 'String',
    description: 'Filters access by the subject of the OIDC token',
    global: true,
  },
  amr: {
    key: '${ProviderUrl}:amr',
    type: 'ArrayOfString',
    description: 'Filters access by the authentication methods reference of the OIDC token',
    global: true,
  },
};

/** A key prefix that is a host name (an OIDC provider's URL), not a service prefix. */
function isProviderHost(prefix: string): boolean {
  return prefix.includes('.');
}

interface LoadedService extends Service {
  readonly keys: KeyTable;
}

export function serviceFromFile(file: ServiceFile): LoadedService {
  const actions: Action[] = file.a.map(([name, level, description, resourceTypes, keys]) => ({
    service: file.p,
    name,
    accessLevel: ACCESS_LEVELS[level] ?? 'Write',
    description,
    resourceTypes,
    conditionKeys: keys,
  }));
  const resourceTypes: ResourceType[] = file.r.map(([key, arn, conditionKeys]) => ({
    key,
    arn,
    conditionKeys,
  }));
  const conditionKeys: ConditionKey[] = file.c.map(([key, type, description]) => ({
    key,
    type,
    description,
    global: false,
  }));
  const byName = new Map(actions.map((a) => [a.name.toLowerCase(), a]));
  const byKey = new Map(resourceTypes.map((r) => [r.key.toLowerCase(), r]));
  return {
    prefix: file.p,
    name: file.n,
    actions,
    resourceTypes,
    conditionKeys,
    keys: keyTable(conditionKeys),
    action: (name) => byName.get(name.toLowerCase()),
    resourceType: (key) => byKey.get(key.toLowerCase()),
  };
}

/**
 * `load` returns a service's file, or `null` when it is not available yet (the caller loads
 * it and asks again). It is called at most once per prefix that returns a file.
 */
export function createCatalog(
  index: CatalogIndex,
  load: (prefix: string) => ServiceFile | null,
): Catalog {
  const names = new Map(index.services.map(([p, n]) => [p, n]));
  const loaded = new Map<string, LoadedService>();
  const globals = keyTable(
    index.globalKeys.map(([key, type]: readonly [string, ConditionType]) => ({
      key,
      type,
      description: '',
      global: true,
    })),
  );

  function service(prefix: string): LoadedService | null | undefined {
    const lower = prefix.toLowerCase();
    const done = loaded.get(lower);
    if (done !== undefined) return done;
    if (!names.has(lower)) return undefined;
    const file = load(lower);
    if (file === null) return null;
    const made = serviceFromFile(file);
    loaded.set(lower, made);
    return made;
  }

  return {
    index,
    service,
    serviceName: (prefix) => names.get(prefix.toLowerCase()),
    conditionKey(key) {
      const lower = key.toLowerCase();
      const global = findKey(globals, lower);
      if (global !== undefined) return global;
      const colon = lower.indexOf(':');
      if (colon <= 0) return undefined;
      const prefix = lower.slice(0, colon);
      const owners = names.has(prefix) ? [prefix] : (index.keyPrefixes[prefix] ?? []);
      let pending = false;
      for (const owner of owners) {
        const s = service(owner);
        if (s === null) pending = true;
        else if (s !== undefined) {
          const found = findKey(s.keys, lower);
          if (found !== undefined) return found;
        }
      }
      if (pending) return null;
      return isProviderHost(prefix) ? OIDC_CLAIMS[lower.slice(colon + 1)] : undefined;
    },
  };
}
