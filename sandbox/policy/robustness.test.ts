// parsePolicy must never throw and must stay fast on any input (issue 3, "Proof").
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FINDING_CODES, parsePolicy, type ParsedPolicy, type PolicyKind } from './index.ts';
import { MAX_TEXT_LENGTH } from './input.ts';

/** Every finding uses a catalogued code with its catalogued severity. */
function expectCatalogued(p: ParsedPolicy): void {
  for (const f of p.findings) {
    expect(FINDING_CODES[f.code as keyof typeof FINDING_CODES], f.code).toBe(f.severity);
  }
}

const KINDS: PolicyKind[] = ['identity', 'trust', 'resource', 'scp', 'rcp', 'boundary', 'session'];
const kind = fc.constantFrom(...KINDS);

const element = fc.constantFrom(
  'Version',
  'Id',
  'Statement',
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
  'AWS',
  'Federated',
  'Service',
  'StringEquals',
  'ForAnyValue:StringLike',
  'NullIfExists',
  'Bool',
  'IpAddress',
  '__proto__',
  'constructor',
);
const scalar = fc.oneof(
  fc.constantFrom(
    '2012-10-17',
    'Allow',
    'Deny',
    '*',
    'sts:AssumeRole',
    'arn:aws:iam::111111111111:root',
    '${aws:username}',
    'true',
    '10.0.0.0/8',
  ),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
/** JSON values shaped like policies, so that the deep paths of the validator are reached. */
const policyLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.dictionary(element, tie('value'), { maxKeys: 6 }),
})).object;

describe('parsePolicy never throws', () => {
  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), kind, (value, k) => {
        const p = parsePolicy(value, { kind: k });
        expectCatalogued(p);
        expect(p.hasErrors).toBe(p.findings.some((f) => f.severity === 'error'));
      }),
      { numRuns: 300 },
    );
  });

  it('on random policy-shaped objects, as objects and as text', () => {
    fc.assert(
      fc.property(policyLike, kind, (value, k) => {
        const fromObject = parsePolicy(value, { kind: k, thirdPartyAccounts: ['111111111111'] });
        const fromText = parsePolicy(JSON.stringify(value), { kind: k });
        expectCatalogued(fromObject);
        expect(fromText.findings.map((f) => f.code).sort()).toEqual(
          fromObject.findings.map((f) => f.code).sort(),
        );
        for (const f of fromObject.findings) {
          if (f.range) expect(f.range.end).toBeLessThanOrEqual(fromObject.text.length + 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on random strings and JSON-ish text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
        ),
        kind,
        (text, k) => {
          const p = parsePolicy(text, { kind: k });
          expect(typeof p.hasErrors).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on non-JSON-able inputs', () => {
    for (const input of [
      undefined,
      () => 1,
      Symbol('x'),
      10n,
      Object.create(null) as object,
      new Map(),
      [1, [2, [3]]],
    ]) {
      expect(parsePolicy(input, { kind: 'identity' }).hasErrors).toBe(true);
    }
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(parsePolicy(deep, { kind: 'identity' }).hasErrors).toBe(true);
  });
});

function timeOf(run: () => void, times = 20): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

// Generous bounds: the suite runs in parallel on a shared 2-core machine, so these catch
// blow-ups (quadratic or worse: seconds at these sizes), not micro-regressions. The measured
// figures belong in `npm run bench`.
describe('parsePolicy stays fast', () => {
  it('on a normal trust policy', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 'sts:AssumeRole',
          Condition: {
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
            StringEquals: { 'sts:ExternalId': 'Example-7f3a' },
          },
        },
      ],
    });
    expect(timeOf(() => parsePolicy(text, { kind: 'trust' }))).toBeLessThan(20);
  });

  it('on 10,000-character values, huge arrays, and many findings', () => {
    const long = 'a*'.repeat(5000);
    const wide = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: Array.from({ length: 10_000 }, (_, i) => `bad${i}`),
        Resource: `arn:aws:s3:::${long}`,
        Condition: { StringLike: { 's3:prefix': long }, IpAddress: { 'aws:SourceIp': long } },
      },
    };
    const text = JSON.stringify(wide);
    const p = parsePolicy(text, { kind: 'identity' });
    expect(p.findings.length).toBeLessThanOrEqual(201);
    expect(p.findings.at(-1)?.code).toBe('too-many-findings');
    expect(timeOf(() => parsePolicy(text, { kind: 'identity' }), 5)).toBeLessThan(1000);
    const deep = `{"Statement": ${'['.repeat(1_000_000)}`;
    expect(timeOf(() => parsePolicy(deep, { kind: 'identity' }), 3)).toBeLessThan(1000);
  });

  it('refuses text over the hard cap after a length check alone', () => {
    const huge = `{"Statement": ${'['.repeat(MAX_TEXT_LENGTH)}`;
    const p = parsePolicy(huge, { kind: 'identity' });
    expect(p.findings.map((f) => f.code)).toEqual(['policy-size-exceeded']);
    expect(p.text).toBe(huge);
    expect(timeOf(() => parsePolicy(huge, { kind: 'identity' }), 5)).toBeLessThan(50);
    const exact = JSON.stringify({ Version: '2012-10-17', Id: 'x'.repeat(MAX_TEXT_LENGTH - 40) });
    expect(exact.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(parsePolicy(exact, { kind: 'resource' }).findings.map((f) => f.code)).not.toContain(
      'policy-size-exceeded',
    );
  });

  it('reports a deeply nested object as too deep, without serialising its indentation', () => {
    let nested: unknown = { Effect: 'Allow' };
    for (let i = 0; i < 3000; i++) nested = { Statement: nested };
    const p = parsePolicy(nested, { kind: 'identity' });
    expect(p.findings.map((f) => f.code)).toEqual(['nesting-too-deep']);
    expect(timeOf(() => parsePolicy(nested, { kind: 'identity' }), 5)).toBeLessThan(50);
  });

  it('stops on objects whose shared parts would serialise to huge text', () => {
    let shared: unknown = { Effect: 'Allow', Action: '*', Resource: '*' };
    for (let i = 0; i < 60; i++) shared = [shared, shared];
    expect(parsePolicy({ Statement: shared }, { kind: 'identity' }).findings[0]?.code).toBe(
      'policy-size-exceeded',
    );
    let wide: unknown = { Effect: 'Allow', Action: '*', Resource: '*' };
    for (let i = 0; i < 40; i++) wide = { a: wide, b: wide };
    const p = parsePolicy(wide, { kind: 'identity' });
    expect(p.findings.map((f) => f.code)).toEqual(['policy-size-exceeded']);
    expect(timeOf(() => parsePolicy(wide, { kind: 'identity' }), 5)).toBeLessThan(50);
  });

  it('reads an object with a shared (not cyclic) part like its copy', () => {
    const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
    const shared = parsePolicy(
      { Version: '2012-10-17', Statement: [statement, statement] },
      { kind: 'identity' },
    );
    expect(shared.findings).toEqual([]);
    expect(shared.document?.statements).toHaveLength(2);
  });
});
