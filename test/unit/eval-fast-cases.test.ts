// The fast reader of case files (sandbox/eval-cases/fast-cases.ts) accepts exactly what the
// zod schema accepts and gives the same values; anything else goes to the slow reader.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fastCases } from '../../sandbox/eval-cases/fast-cases.ts';
import { parseEvalCasesText } from '../../sandbox/eval-cases/parse-cases.ts';
import { caseSchema } from '../../sandbox/eval-cases/schema.ts';

const golden = resolve(fileURLToPath(import.meta.url), '../../golden');

const request = { principal: 'p', action: 'a', resource: '*' };

describe('fast case reader', () => {
  it('gives what zod gives, on every golden file', () => {
    const files = readdirSync(golden).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(join(golden, f), 'utf8');
      const viaZod = (JSON.parse(text) as unknown[]).map((c) => caseSchema.parse(c));
      expect(fastCases(text), f).toEqual(viaZod);
    }
  });

  it('finds element ends past escaped quotes and brackets inside strings', () => {
    const ids = ['a\\', 'b"', 'c\\"\\\\', '[{,}]', 'ü 日'];
    const text = JSON.stringify(
      ids.map((id) => ({ id, request })),
      null,
      1,
    );
    expect(fastCases(text)?.map((c) => c.id)).toEqual(ids);
  });

  it('turns numbers and booleans in the context into strings, as the schema does', () => {
    const text = JSON.stringify([
      { id: 'x', request: { ...request, context: { n: 3, b: true, l: [1, 'a'] } } },
    ]);
    expect(fastCases(text)?.[0]?.request.context).toEqual({ n: '3', b: 'true', l: ['1', 'a'] });
  });

  it('leaves everything else to the slow reader, which words it', () => {
    const bad = [
      '',
      '{}',
      '[] x',
      '[{"id":"x"',
      `[${JSON.stringify({ id: 'x', request })},]`,
      `[${JSON.stringify({ id: 'x', request })} , ]`,
      '[1]',
      JSON.stringify([{ id: '', request }]),
      JSON.stringify([{ id: 'x', request: { ...request, context: { k: null } } }]),
      JSON.stringify([{ id: 'x', request, identityPolicies: [[]] }]),
      JSON.stringify([
        { id: 'x', request },
        { id: 'x', request },
      ]),
    ];
    for (const text of bad) {
      expect(fastCases(text), text).toBeNull();
      expect(parseEvalCasesText(text).ok, text).toBe(false);
    }
    expect(fastCases('[]')).toEqual([]);
  });
});
