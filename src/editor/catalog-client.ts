// AWS's action catalog in the browser: `catalog/index.json` (services, global keys; ~7 KB
// gzip) when editing starts, then one `catalog/<prefix>.json` per service the policy names
// (S3 ≈ 6 KB gzip), fetched from the site itself (written at build time by
// scripts/catalog-files.ts). Only lazy chunks reach this module (the editor's, and ./summary.ts,
// which the policy panel loads through `loadCatalogAids` in ./load.ts once the learner starts
// editing, in Monaco or the plain text box), so no page loads it before the learner edits.
import { createCatalog } from '../../sandbox/catalog/catalog.ts';
import { policyFindings } from '../../sandbox/catalog/lint.ts';
import type { Catalog, CatalogIndex, ServiceFile } from '../../sandbox/catalog/types.ts';
import type { Finding, ParsedPolicy } from '../../sandbox/policy/types.ts';

const BASE = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}catalog/`;

const files = new Map<string, ServiceFile>();
const fetching = new Map<string, Promise<void>>();
let catalog: Promise<Catalog> | null = null;
/** The catalog once its index has arrived: the editor lints with it inside the keystroke. */
let ready: Catalog | null = null;

async function getJson<T>(name: string): Promise<T> {
  const response = await fetch(`${BASE}${name}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The catalog; services the policy names are added by `loadServices`. */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= getJson<CatalogIndex>('index.json').then((index) => {
    ready = createCatalog(index, (prefix) => files.get(prefix) ?? null);
    return ready;
  });
  // Offline after a deploy: let a later edit try again rather than keep the failure.
  catalog.catch(() => {
    catalog = null;
  });
  return catalog;
}

/** The catalog if its index is loaded already (services as far as loaded), else null. */
export function loadedCatalog(): Catalog | null {
  return ready;
}

/** The services among `prefixes` that the catalog knows but has not loaded yet. */
export function missingServices(cat: Catalog, prefixes: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const prefix of prefixes) {
    const p = prefix.toLowerCase();
    if (!files.has(p) && cat.serviceName(p) !== undefined) out.add(p);
  }
  return [...out];
}

/** Fetches the services not loaded yet; resolves to true when some were added. */
export async function loadServices(cat: Catalog, prefixes: Iterable<string>): Promise<boolean> {
  const wanted = missingServices(cat, prefixes);
  if (wanted.length === 0) return false;
  await Promise.all(
    wanted.map((p) => {
      let pending = fetching.get(p);
      if (pending === undefined) {
        pending = getJson<ServiceFile>(`${p}.json`)
          .then((file) => {
            files.set(p, file);
          })
          .finally(() => fetching.delete(p));
        fetching.set(p, pending);
      }
      return pending;
    }),
  );
  return true;
}

/** Service prefixes a policy's actions and condition keys name (the keys' owners too). */
export function servicesNamed(cat: Catalog, policy: ParsedPolicy): Set<string> {
  const out = new Set<string>();
  const prefixOf = (text: string): string | null => {
    const colon = text.indexOf(':');
    return colon > 0 ? text.slice(0, colon).toLowerCase() : null;
  };
  for (const st of policy.document?.statements ?? []) {
    for (const v of [...(st.action ?? []), ...(st.notAction ?? [])]) {
      const p = prefixOf(v.value);
      if (p !== null) out.add(p);
    }
    for (const c of st.conditions) {
      const p = prefixOf(c.key.value);
      if (p === null) continue;
      out.add(p);
      for (const owner of cat.index.keyPrefixes[p] ?? []) out.add(owner);
    }
  }
  return out;
}

/**
 * A parsed policy's findings for the findings list: `policyFindings` (sandbox/catalog/lint.ts,
 * the call the editor's underlines and `iamlab lint` make) with the catalog as loaded now.
 * While the index or a service the policy names is still to come, it is fetched and
 * `onArrival` gets the findings again once it is there (the caller drops them if its text has
 * moved on meanwhile); offline, the catalog's findings stay missing until a later edit.
 */
export function catalogFindings(
  policy: ParsedPolicy,
  onArrival: (findings: Finding[]) => void,
): Finding[] {
  const known = ready;
  const now = policyFindings(policy, known);
  if (known !== null && missingServices(known, servicesNamed(known, policy)).length === 0)
    return now;
  loadCatalog()
    .then(async (cat) => {
      if (known === null) onArrival(policyFindings(policy, cat));
      if (await loadServices(cat, servicesNamed(cat, policy)))
        onArrival(policyFindings(policy, cat));
    })
    .catch(() => {
      // Offline after a deploy: the parser's findings stand alone.
    });
  return now;
}
