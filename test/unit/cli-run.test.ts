// `iamlab run` end to end: spawned through Node 22 (vitest's own process.execPath). The browser
// test compares the page with this output, so it must be what `runScenario` computes.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { runScenario } from '../../sandbox/scenario/run.ts';
import { readTree } from './scenario-tree.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function iamlab(args: readonly string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', resolve(root, 'bin/iamlab.ts'), ...args],
    { cwd: root, encoding: 'utf8', ...(input === undefined ? {} : { input }) },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Call {
  op: string;
  action?: string;
  roleArn?: string;
  resource?: string;
  principal: string;
  time: string;
  decision: string;
  error?: { code: string; message: string };
}
interface Run {
  attempts: { id: string; decision: string; calls: Call[] }[];
  goals: {
    id: string;
    met: boolean;
    expected: string;
    decision: string;
    guard: boolean;
    calls: Call[];
  }[];
  exercises: { id: string; solved: boolean }[];
}

const json = (args: readonly string[], input?: string): Run => {
  const out = iamlab(['run', ...args, '--json'], input);
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  return JSON.parse(out.stdout) as Run;
};

const scenarios = loadScenarios({
  ...readTree(join(root, 'content/scenarios')),
  ...readTree(join(root, 'src/scenarios')),
}).scenarios;

// Each spawn starts Node with type stripping (~1–2 s on a busy 2-core machine).
describe('iamlab run', { timeout: 60_000 }, () => {
  it('prints exactly what runScenario computes, for the start and the solution', () => {
    const s = scenarios.find((x) => x.id === 'ch02-jump-account');
    if (!s) throw new Error('no ch02-jump-account');
    const start = json(['--scenario', s.id]);
    expect(start).toEqual(JSON.parse(JSON.stringify(runScenario(s))));
    expect(start.attempts.map((a) => a.id)).toEqual(s.attempts.map((a) => a.id));
    expect(start.goals.map((g) => g.id)).toEqual(s.goals.map((g) => g.id));
    const bob = start.goals.find((g) => g.id === 'bob-into-dev');
    expect(bob).toMatchObject({ met: false, expected: 'allowed', decision: 'implicitDeny' });
    expect(bob?.calls).toEqual([
      {
        op: 'AssumeRole',
        roleArn: 'arn:aws:iam::222222222222:role/Developer',
        principal: 'arn:aws:iam::111111111111:user/bob',
        time: '2023-06-01T09:00:00Z',
        decision: 'implicitDeny',
        error: {
          code: 'AccessDenied',
          message:
            'User: arn:aws:iam::111111111111:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Developer',
        },
      },
    ]);
    expect(start.goals.find((g) => g.id === 'bob-into-prod')?.guard).toBe(true);
    const solved = json(['--scenario', s.id, '--solution']);
    expect(solved.goals.filter((g) => !g.met)).toEqual([]);
    expect(solved.exercises.every((e) => e.solved)).toBe(true);
  });

  it('shows every step of a multi-step goal with the clock it ran at', () => {
    const run = json(['--scenario', 'ch08-temporary-credentials']);
    const expired = run.goals.find((g) => g.id === 'expired-after-65-minutes');
    expect(expired?.calls.map((c) => [c.op, c.time, c.decision])).toEqual([
      ['AssumeRole', '2023-06-01T09:00:00Z', 'allowed'],
      ['Call', '2023-06-01T10:05:00Z', 'error:ExpiredToken'],
    ]);
    expect(expired?.calls[1]).toMatchObject({
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::prod-reports/2023-05.csv',
    });
    expect(expired?.decision).toBe('error:ExpiredToken');
  });

  it('finds the playground under src/scenarios and runs the documents given on stdin', () => {
    const fix = JSON.stringify({
      'policies/jump/operators.json': JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Resource: [
              'arn:aws:iam::222222222222:role/Developer',
              'arn:aws:iam::333333333333:role/Deploy',
            ],
          },
        ],
      }),
    });
    const run = json(['--scenario', 'ch02-jump-account', '--documents', '-'], fix);
    expect(run.goals.find((g) => g.id === 'bob-into-dev')?.met).toBe(true);
    expect(run.exercises.map((e) => e.solved)).toEqual([true, false]);
    expect(json(['--scenario', 'playground']).goals.length).toBeGreaterThan(0);
  });

  it('prints readable lines in English, and in Japanese with --lang ja', () => {
    const en = iamlab(['run', '--scenario', 'ch02-jump-account']);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/^Goals$/m);
    expect(en.stdout).toContain(
      '✗ bob-into-dev: bob can switch to `Developer` in dev — expects allowed, got implicitDeny',
    );
    expect(en.stdout).toContain('(holds at the start, keep it so)');
    expect(en.stdout).toMatch(/^ {2}1\. bob-into-dev: Let bob into development — not solved$/m);
    const ja = iamlab(['run', '--scenario', 'ch02-jump-account', '--lang', 'ja']);
    expect(ja.stdout).toMatch(/^ゴール$/m);
    expect(ja.stdout).toContain(
      '✗ bob-into-dev: bob は開発アカウントの `Developer` に切り替えられる — 想定 allowed、結果 implicitDeny',
    );
    expect(ja.stdout).toContain('（開始時点で達成済み、このまま保つ）');
  });

  it('exits 2 for usage errors and unknown scenarios', () => {
    expect(iamlab(['run']).status).toBe(2);
    const unknown = iamlab(['run', '--scenario', 'no-such-thing']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('iamlab run: no scenario `no-such-thing`\n');
    expect(
      iamlab(['run', '--scenario', 'ch02-jump-account', '--solution', '--documents', '-']).status,
    ).toBe(2);
    const wrongDoc = iamlab(
      ['run', '--scenario', 'ch02-jump-account', '--documents', '-'],
      '{"policies/nope.json": "{}"}',
    );
    expect(wrongDoc.status).toBe(2);
    expect(wrongDoc.stderr).toContain('has no document `policies/nope.json`');
  });
});
