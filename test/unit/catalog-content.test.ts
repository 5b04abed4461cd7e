// Every action, condition key and resource ARN the course names, in its chapters
// (content/docs/**/*.mdx, both languages) and its scenarios (content/scenarios, the
// playground in src/scenarios), exists in AWS's action catalog: a typo in a chapter
// (`s3:GetObjcet`, `aws:MultiFactorAuthPresnt`) fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../bin/catalog.ts';
import { arnResourceTypes, matchActions } from '../../sandbox/catalog/lint.ts';
import type { Catalog } from '../../sandbox/catalog/types.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

const files = [
  ...walk(join(root, 'content/docs'), (f) => f.endsWith('.mdx')),
  ...walk(join(root, 'content/scenarios'), (f) => f.endsWith('.json')),
  ...walk(join(root, 'src/scenarios'), (f) => f.endsWith('.json')),
];

/**
 * `prefix:Name` tokens: actions (`s3:GetObject`, `iam:*`), condition keys (`aws:PrincipalTag/team`,
 * `SAML:aud`, `token.actions.githubusercontent.com:sub`). Not preceded by a word character,
 * a colon or a slash, so the inside of an ARN or a URL is not one.
 */
const TOKEN = /(?<![\w.:/-])([A-Za-z][\w-]*(?:\.[\w-]+)*):([A-Za-z*][\w*?/.-]*)/g;
/** `arn:…`, `urn:…` (SAML names), `repo:…` (GitHub subjects), URLs: not IAM names. */
const NOT_IAM = new Set(['arn', 'urn', 'repo', 'http', 'https', 'mailto']);
const ARN = /arn:aws[\w-]*:[\w-]+:[\w-]*:[\w*-]*:[^\s"'`,)<>\]]+/g;

interface Use {
  readonly token: string;
  readonly where: string;
}

function uses(pattern: RegExp): Use[] {
  const out: Use[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(pattern)) {
      const line = text.slice(0, m.index).split('\n').length;
      out.push({ token: m[0], where: `${relative(root, file)}:${line}` });
    }
  }
  return out;
}

/** Why a token is not in the catalog, or `null` when it is. */
function problem(catalog: Catalog, token: string): string | null {
  const colon = token.indexOf(':');
  const prefix = token.slice(0, colon);
  const name = token.slice(colon + 1).replace(/[.]+$/, '');
  const lower = prefix.toLowerCase();
  if (NOT_IAM.has(lower)) return null;
  const service = catalog.service(lower);
  if (service !== undefined && service !== null) {
    if (name.includes('*') || name.includes('?'))
      return matchActions(service, name).length > 0 ? null : 'matches no action';
    if (service.action(name) !== undefined) return null;
  }
  const key = catalog.conditionKey(`${prefix}:${name}`);
  if (key !== undefined && key !== null) return null;
  // A prefix that names no service and no key family, written in lower case before a name
  // in upper camel case, is a misspelt service (`s4:GetObject`); other words with a colon
  // (`ForAnyValue:StringLike`, prose) are not names the catalog knows of.
  if (service === undefined && !/^[a-z]/.test(prefix)) return null;
  if (service === undefined && lower !== 'aws' && !(lower in catalog.index.keyPrefixes))
    return /^[A-Z]/.test(name) ? 'unknown service prefix' : null;
  return 'neither an action nor a condition key';
}

describe('the course names only what AWS has', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadCatalog();
  });

  it('reads the chapters and scenarios', () => {
    expect(files.filter((f) => f.endsWith('.mdx')).length).toBeGreaterThanOrEqual(24);
    expect(uses(TOKEN).length).toBeGreaterThan(100);
  });

  it('every action and condition key exists', () => {
    const wrong = uses(TOKEN)
      .map((u) => ({ ...u, why: problem(catalog, u.token) }))
      .filter((u) => u.why !== null)
      .map((u) => `${u.where}: ${u.token} (${u.why})`);
    expect(wrong).toEqual([]);
  });

  it('every resource ARN names a resource type of its service', () => {
    const wrong = uses(ARN)
      // A principal, not a resource: the account's root and sessions are not resource types.
      .filter((u) => !/:root$|:assumed-role\/|:federated-user\//.test(u.token))
      .filter((u) => arnResourceTypes(catalog, u.token)?.length === 0)
      .map((u) => `${u.where}: ${u.token}`);
    expect(wrong).toEqual([]);
  });

  it('would catch a typo', () => {
    expect(problem(catalog, 's3:GetObjcet')).not.toBeNull();
    expect(problem(catalog, 'aws:MultiFactorAuthPresnt')).not.toBeNull();
    expect(problem(catalog, 's4:GetObject')).toBe('unknown service prefix');
    expect(problem(catalog, 'sts:Assume*')).toBeNull();
    expect(problem(catalog, 'SAML:aud')).toBeNull();
    expect(arnResourceTypes(catalog, 'arn:aws:iam::111111111111:rol/Deploy')).toEqual([]);
  });
});
