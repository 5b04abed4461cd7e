import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPath, jsonDiff, lineDiff, solutionDiff, type JsonChange } from './diff.ts';

describe('lineDiff', () => {
  it('marks changed lines', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'add', text: 'x' },
      { op: 'same', text: 'c' },
    ]);
  });
  it('rebuilds both sides from the diff', () => {
    const lines = fc
      .array(fc.constantFrom('a', 'b', 'c', '{', '}'), { maxLength: 12 })
      .map((l) => l.join('\n'));
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const d = lineDiff(x, y);
        expect(
          d
            .filter((l) => l.op !== 'add')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(x);
        expect(
          d
            .filter((l) => l.op !== 'del')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(y);
      }),
    );
  });
});

const trust = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowAlice',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    { Sid: 'DenyBob', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
  ],
};
const text = (v: unknown, indent?: number) => JSON.stringify(v, null, indent);
const where = (changes: readonly JsonChange[]) =>
  changes.map((c) => `${c.op} ${formatPath(c.path)}`);

describe('jsonDiff', () => {
  it('ignores key order, whitespace, formatting and a trailing newline', () => {
    const reordered = {
      Statement: trust.Statement.map((st) => Object.fromEntries(Object.entries(st).reverse())),
      Version: '2012-10-17',
    };
    expect(jsonDiff(text(trust), `${text(reordered, 4)}\n`)).toEqual({ kind: 'same' });
    expect(jsonDiff(text(trust, 2), text(trust).replace(/,/g, ' ,\n\t'))).toEqual({ kind: 'same' });
  });

  it('shows a Sid rename as a change of the Sid only', () => {
    const renamed = structuredClone(trust);
    const first = renamed.Statement[0];
    if (first !== undefined) first.Sid = 'AliceWithMfa';
    const diff = jsonDiff(text(trust), text(renamed, 2));
    expect(diff).toEqual({
      kind: 'json',
      changes: [
        {
          op: 'change',
          path: ['Statement', { index: 0, sid: 'AllowAlice' }, 'Sid'],
          before: '"AllowAlice"',
          after: '"AliceWithMfa"',
        },
      ],
    });
  });

  it('pairs statements by content, not position: reordering is no change', () => {
    const swapped = { ...trust, Statement: [...trust.Statement].reverse() };
    expect(jsonDiff(text(trust), text(swapped))).toEqual({ kind: 'same' });
  });

  it('names the deepest change: a condition value', () => {
    const mine = structuredClone(trust);
    const first = mine.Statement[0];
    if (first?.Condition !== undefined)
      first.Condition.Bool['aws:MultiFactorAuthPresent'] = 'false';
    const diff = jsonDiff(text(mine), text(trust));
    expect(diff.kind === 'json' && where(diff.changes)).toEqual([
      'change Statement["AllowAlice"].Condition.Bool.aws:MultiFactorAuthPresent',
    ]);
  });

  it('reads one value and a one-element list as the same, as IAM does', () => {
    const listed = structuredClone(trust) as unknown as { Statement: { Action: unknown }[] };
    for (const st of listed.Statement) st.Action = [st.Action];
    expect(jsonDiff(text(trust), text(listed))).toEqual({ kind: 'same' });
    const single = { ...trust, Statement: trust.Statement[0] };
    expect(jsonDiff(text({ ...trust, Statement: [trust.Statement[0]] }), text(single))).toEqual({
      kind: 'same',
    });
  });

  it('lists added and removed keys, statements and list items', () => {
    const mine = { ...trust, Statement: [trust.Statement[1]] };
    const solution = structuredClone(trust) as unknown as { Statement: Record<string, unknown>[] };
    const deny = solution.Statement[1];
    if (deny !== undefined) deny['Action'] = ['sts:AssumeRole', 'sts:TagSession'];
    const diff = jsonDiff(text(mine), text(solution));
    expect(diff.kind === 'json' && where(diff.changes)).toEqual([
      'add Statement["DenyBob"].Action[1]',
      'add Statement["AllowAlice"]',
    ]);
    expect(diff.kind === 'json' && diff.changes[0]).toMatchObject({ after: '"sts:TagSession"' });
  });

  it('falls back to lines when a side is not JSON, ignoring trailing spaces', () => {
    expect(jsonDiff('{"a": 1,', '{"a": 1,   \n')).toEqual({ kind: 'same' });
    const diff = jsonDiff('{"a": 1,', '{"a": 1}');
    expect(diff).toEqual({
      kind: 'text',
      lines: [
        { op: 'del', text: '{"a": 1,' },
        { op: 'add', text: '{"a": 1}' },
      ],
    });
  });

  it('keeps prototype names as plain keys', () => {
    const diff = jsonDiff('{"a":1}', '{"a":1,"constructor":2,"__proto__":3}');
    expect(diff.kind === 'json' && where(diff.changes)).toEqual([
      'add constructor',
      'add __proto__',
    ]);
  });

  it('is empty exactly when the canonical forms agree, and never throws', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(value, value, (a, b) => {
        const x = text(a);
        const diff = jsonDiff(x, text(b));
        expect(jsonDiff(x, text(a, 3))).toEqual({ kind: 'same' });
        if (diff.kind === 'json') expect(diff.changes.length).toBeGreaterThan(0);
        expect(diff.kind).not.toBe('text');
      }),
    );
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => void jsonDiff(a, b)));
  });
});

describe('solutionDiff', () => {
  it('is empty when every document already matches, so no heading is shown', () => {
    expect(solutionDiff({ trust: text(trust, 2) }, { trust: text(trust) })).toEqual([]);
  });
  it('lists only the documents that differ, in the solution’s order', () => {
    const out = solutionDiff(
      { identity: '{}', trust: text(trust) },
      { trust: text(trust, 2), identity: '{"Version":"2012-10-17"}', boundary: '{}' },
    );
    expect(out.map((d) => d.id)).toEqual(['identity', 'boundary']);
    expect(out[1]?.diff.kind).toBe('text');
  });
});
