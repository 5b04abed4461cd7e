// The engine's golden corpus: every case in test/golden/*.json states the decision AWS
// documents for it and the page that says so. The corpus is checked first (so a bad case is
// reported as such, not as an engine failure), then every case runs through the same entry
// point as `iamlab eval`, one `it` per case so that a failure names the case.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEvalCasesText, runEvalCases } from '../../sandbox/eval-cases/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const goldenDir = join(repoRoot, 'test/golden');
// The excerpt sits beside a working checkout, not inside it, and CI's clean clone has none:
// its page names are kept in test/golden/reference-pages.txt, checked against the excerpt
// wherever the excerpt is present.
const referenceDir = resolve(repoRoot, '../shared/reference/aws-iam-user-guide');
const referencePages = new Set(
  readFileSync(join(goldenDir, 'reference-pages.txt'), 'utf8').split('\n').filter(Boolean),
);
// Pages that came after the 2023 excerpt (RCPs, STS changes, other guides), checked against
// AWS's current documentation when the cases were written; one full address a line.
const currentPages = new Set(
  readFileSync(join(goldenDir, 'current-pages.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('https://')),
);
const PAGE_URL = /^https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/([\w.-]+)\.html$/;
const AWS_URL =
  /^https:\/\/(docs\.aws\.amazon\.com|repost\.aws|aws\.amazon\.com|docs\.github\.com)\/[\w./#-]+$/;
const MIN_CASES = 150;

// The parser's finding codes: an expectError outside this list is a typo in the corpus.
const FINDING_CODES = [
  'malformed-json',
  'not-an-object',
  'unknown-element',
  'wrong-type',
  'invalid-version',
  'missing-statement',
  'missing-effect',
  'invalid-effect',
  'missing-action',
  'action-and-notaction',
  'resource-and-notresource',
  'principal-and-notprincipal',
  'missing-resource',
  'principal-not-allowed',
  'missing-principal',
  'invalid-principal',
  'invalid-arn',
  'invalid-action',
  'unknown-condition-operator',
  'invalid-bool-value',
  'invalid-numeric-value',
  'invalid-date-value',
  'invalid-ip-value',
  'null-with-ifexists',
  'policy-size-exceeded',
  'variable-before-resource-part',
  'rcp-allow-not-supported',
] as const;

// Only the documentation fields; the rest of a case is the eval-cases format, which the
// engine's own parser checks.
const goldenCase = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case'),
    note: z.string().min(1),
    source: z.string().regex(AWS_URL, 'source is an AWS documentation page address'),
    expect: z.enum(['allowed', 'explicitDeny', 'implicitDeny']).nullable(),
    expectError: z.enum(FINDING_CODES).optional(),
    // The statements the decision rests on, `policy name/Sid` (decidingLabels in
    // sandbox/eval-cases): the Deny statements of an explicit deny; the granting statements
    // (and the boundary or session statements that let them through) of an allow, never the
    // SCP or RCP Allows that only guard; none for an implicit deny.
    deciding: z.array(z.string()).optional(),
  })
  .refine((c) => (c.expect === null) === (c.expectError !== undefined), {
    error: 'expectError is required exactly when expect is null',
  });
type GoldenCase = z.infer<typeof goldenCase>;

interface GoldenFile {
  readonly name: string;
  readonly text: string;
  readonly cases: readonly GoldenCase[];
  /** The cases as written, for the coverage checks that look inside policies. */
  readonly raw: readonly unknown[];
}

function loadGoldenFiles(): GoldenFile[] {
  return readdirSync(goldenDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(goldenDir, name), 'utf8');
      const raw = z.array(z.unknown()).parse(JSON.parse(text));
      const cases = z.array(goldenCase).parse(raw);
      return { name, text, cases, raw };
    });
}

const files = loadGoldenFiles();
const allCases = files.flatMap((f) => f.cases);

// Every operator family the engine implements; IfExists and set qualifiers are stripped.
const OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
];

/** Condition operators used anywhere in a case, including policies given as JSON text. */
function operatorsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.trimStart().startsWith('{')) {
      try {
        operatorsIn(JSON.parse(value) as unknown, found);
      } catch {
        // Malformed policy text is a case of its own; it holds no operators to count.
      }
    }
  } else if (Array.isArray(value)) {
    for (const item of value as unknown[]) operatorsIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'Condition' && typeof child === 'object' && child !== null) {
        for (const op of Object.keys(child)) {
          found.add(op.replace(/^For(All|Any)Values?:/, '').replace(/IfExists$/, ''));
        }
      }
      operatorsIn(child, found);
    }
  }
  return found;
}

function pageOf(source: string): string {
  return PAGE_URL.exec(source)?.[1] ?? source;
}

describe('golden corpus', () => {
  it(`holds at least ${MIN_CASES} cases`, () => {
    expect(allCases.length).toBeGreaterThanOrEqual(MIN_CASES);
  });

  it('has case ids that are unique across all files', () => {
    const seen = new Map<string, number>();
    for (const c of allCases) seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
    const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    expect(duplicates).toEqual([]);
  });

  it('exercises every condition operator with at least two different outcomes', () => {
    const outcomes = new Map<string, Set<string>>(OPERATORS.map((op) => [op, new Set()]));
    files.forEach((file) => {
      file.raw.forEach((raw, i) => {
        const outcome = String(file.cases[i]?.expect);
        for (const op of operatorsIn(raw)) outcomes.get(op)?.add(outcome);
      });
    });
    const thin = [...outcomes].filter(([, seen]) => seen.size < 2).map(([op]) => op);
    expect(thin).toEqual([]);
  });

  it('cites only pages of the reference excerpt or pages checked since (current-pages.txt)', () => {
    const missing = allCases
      .filter((c) => !referencePages.has(pageOf(c.source)) && !currentPages.has(c.source))
      .map((c) => `${c.id}: ${c.source}`);
    expect(missing).toEqual([]);
  });

  it.runIf(existsSync(referenceDir))('keeps reference-pages.txt equal to the excerpt', () => {
    const pages = readdirSync(referenceDir)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -'.md'.length))
      .sort();
    expect([...referencePages].sort()).toEqual(pages);
  });
});

for (const file of files) {
  describe(file.name, () => {
    let results: ReadonlyMap<string, ReturnType<typeof runEvalCases>[number]> = new Map();

    beforeAll(() => {
      const parsed = parseEvalCasesText(file.text);
      if (!parsed.ok)
        throw new Error(`${file.name} is not a valid eval-cases file: ${parsed.message}`);
      results = new Map(runEvalCases(parsed.cases, { deciding: true }).map((r) => [r.id, r]));
    });

    for (const c of file.cases) {
      it(c.id, () => {
        const result = results.get(c.id);
        expect(result, `no result for ${c.id}`).toBeDefined();
        const why = `${c.note} (${c.source})`;
        expect(result?.decision ?? null, why).toBe(c.expect);
        if (c.expectError !== undefined) expect(result?.error?.code, why).toBe(c.expectError);
        if (c.deciding !== undefined)
          expect([...(result?.deciding ?? [])].sort(), `deciding statements: ${why}`).toEqual(
            [...c.deciding].sort(),
          );
      });
    }
  });
}
