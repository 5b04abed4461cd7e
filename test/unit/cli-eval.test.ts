// `iamlab eval` end to end: spawned through Node 22 (vitest's own process.execPath).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// A copy of ../shared/examples/eval-cases.json: CI's clean clone has no ../shared beside it.
const examples = resolve(root, 'test/fixtures/shared-eval-cases.json');

function iamlab(args: readonly string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', resolve(root, 'bin/iamlab.ts'), ...args],
    { cwd: root, encoding: 'utf8', ...(input === undefined ? {} : { input }) },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const oneCase = JSON.stringify([
  {
    id: 'trust-names-account',
    request: {
      principal: 'arn:aws:iam::111111111111:user/alice',
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::222222222222:role/Deploy',
      context: {},
    },
    identityPolicies: [
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
      },
    ],
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' },
      ],
    },
    scps: [],
    permissionBoundary: null,
    sessionPolicy: null,
  },
  {
    id: 'group-principal',
    request: {
      principal: 'arn:aws:iam::111111111111:user/alice',
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::222222222222:role/Deploy',
      context: {},
    },
    identityPolicies: [],
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:group/devs' },
          Action: 'sts:AssumeRole',
        },
      ],
    },
  },
]);

// Each spawn starts Node with type stripping (~1–2 s on a busy 2-core machine).
describe('iamlab eval', { timeout: 30_000 }, () => {
  it('decides the shared examples', () => {
    const run = iamlab(['eval', examples]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as { id: string; decision: string | null }[];
    expect(results.map((r) => [r.id, r.decision])).toEqual([
      ['jump-user-switches-into-dev', 'allowed'],
      ['jump-user-without-group-grant', 'implicitDeny'],
      ['prod-guardrail-scp-denies', 'explicitDeny'],
      ['vendor-with-external-id', 'allowed'],
      ['saml-employee-federation', 'allowed'],
    ]);
  });

  it('reads standard input and reports a rejected policy as decision null with its path', () => {
    const run = iamlab(['eval', '-'], oneCase);
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as {
      id: string;
      decision: string | null;
      error?: { code: string; path: string };
    }[];
    expect(results[0]).toEqual({ id: 'trust-names-account', decision: 'allowed' });
    expect(results[1]?.decision).toBeNull();
    expect(results[1]?.error?.code).toBe('invalid-principal');
    expect(results[1]?.error?.path).toBe('/resourcePolicy/Statement/0/Principal/AWS');
  });

  it('adds the explained trace, in Japanese with --lang ja', () => {
    const en = JSON.parse(iamlab(['eval', '-', '--explain'], oneCase).stdout) as {
      explain?: string[];
    }[];
    expect(en[0]?.explain?.at(-1)).toMatch(/^decision: allowed/);
    expect(en[0]?.explain?.some((line) => line.startsWith('trust policy'))).toBe(true);
    const ja = JSON.parse(iamlab(['eval', '-', '--explain', '--lang', 'ja'], oneCase).stdout) as {
      explain?: string[];
    }[];
    expect(ja[0]?.explain?.at(-1)).toMatch(/^判定: .*許可されます$/);
    expect(ja[0]?.explain?.some((line) => line.startsWith('信頼ポリシー'))).toBe(true);
  });

  it('exits 2 with one line for bad JSON, naming line and column', () => {
    const run = iamlab(['eval', '-'], '[\n  {"id": "x",}\n]');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/line 2, column \d+/);
  });

  it('exits 2 naming the case and field for a bad shape', () => {
    const run = iamlab(
      ['eval', '-'],
      JSON.stringify([
        { id: 'ok', request: { principal: 'p', action: 'a', resource: '*' } },
        { id: 'x', request: { principal: 'p', action: 3, resource: '*' } },
      ]),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('case 2 (id "x"): request.action must be a string');
  });

  it('exits 2 for a file that is not an array, a missing file and an unknown command', () => {
    expect(iamlab(['eval', '-'], '{}').status).toBe(2);
    const missing = iamlab(['eval', 'no-such-file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const unknown = iamlab(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('iamlab: unknown command `frobnicate`; try `iamlab --help`\n');
  });

  it('lists the commands with --help', () => {
    const run = iamlab(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('eval');
  });
});
