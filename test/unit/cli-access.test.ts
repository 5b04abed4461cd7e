// `iamlab access` end to end: spawned through Node 22 (vitest's own process.execPath).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function iamlab(args: readonly string[]) {
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings',
      resolve(root, 'bin/iamlab.ts'),
      'access',
      ...args,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('iamlab access --diff', () => {
  it('lists what the solution changes, in English and in Japanese', () => {
    const en = iamlab(['--scenario', 'ch05-mfa', '--diff', 'start', 'solution']);
    expect(en.status).toBe(0);
    expect(en.stdout).toBe(
      [
        '− alice can no longer read, write, list and delete objects in bucket `acme-prod-config` without MFA',
        '− alice can no longer delete objects in bucket `audit-logs` without MFA',
        '− alice can no longer assume Admin in acme-prod without MFA',
        '',
      ].join('\n'),
    );
    const ja = iamlab(['--scenario', 'ch05-mfa', '--diff', 'start', 'solution', '--lang', 'ja']);
    expect(ja.stdout.split('\n')[2]).toBe(
      '− alice は MFA なしでは acme-prod の Admin を引き受けられなくなった',
    );
  });

  it('says so when nothing changed, and swaps the sign when the states swap', () => {
    expect(iamlab(['--scenario', 'ch05-mfa', '--diff', 'start', 'start']).stdout).toBe(
      'no change in access\n',
    );
    const back = iamlab(['--scenario', 'jump-account', '--diff', 'solution', 'start']);
    expect(back.stdout).toBe(
      [
        '− bob can no longer read and list objects in bucket `example-dev-artifacts`',
        '− bob can no longer assume Developer in example-dev',
        '',
      ].join('\n'),
    );
  });

  it('prints the changes as JSON', () => {
    const out = iamlab([
      '--scenario',
      'vendor-external-id',
      '--diff',
      'start',
      'solution',
      '--json',
    ]);
    expect(out.status).toBe(0);
    const changes = JSON.parse(out.stdout) as {
      sign: string;
      kind: string;
      requirements: { key: string }[];
    }[];
    expect(changes.map((c) => [c.sign, c.kind, c.requirements.map((r) => r.key)])).toEqual([
      ['−', 'tightened', ['sts:ExternalId']],
      ['−', 'tightened', ['sts:ExternalId']],
    ]);
  });

  it('compares two scenario folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamlab-access-'));
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    // Each folder holds one scenario (in a folder named by its id, as the loader wants).
    cpSync(join(root, 'content/scenarios/ch05-mfa'), join(a, 'ch05-mfa'), { recursive: true });
    cpSync(join(root, 'content/scenarios/ch05-mfa'), join(b, 'ch05-mfa'), { recursive: true });
    // The second folder's start is the first one's solution for the Admin trust.
    const trust = 'ch05-mfa/policies/prod/admin-trust.json';
    writeFileSync(
      join(b, trust),
      readFileSync(join(a, 'ch05-mfa/solution/policies/prod/admin-trust.json'), 'utf8'),
    );
    const out = iamlab(['--diff', a, b]);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(
      [
        '− alice can no longer read, write, list and delete objects in bucket `acme-prod-config` without MFA',
        '− alice can no longer assume Admin in acme-prod without MFA',
        '',
      ].join('\n'),
    );
  });
});

describe('iamlab access: map and paths', () => {
  it('shows one principal with what each target takes', () => {
    const out = iamlab(['--scenario', 'ch05-mfa', '--solution', '--from', 'alice']);
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n').slice(0, 3)).toEqual([
      'alice',
      '  assume Admin in acme-prod: with MFA',
      '  read objects in bucket `acme-prod-config`: with MFA [Admin (acme-prod)]',
    ]);
  });

  it('prints the map of a principal as JSON, with the hops nothing opens', () => {
    const out = iamlab(['--scenario', 'ch02-jump-account', '--from', 'bob', '--json']);
    expect(out.status).toBe(0);
    const map = JSON.parse(out.stdout) as {
      subjects: { subject: { name: string }; roles: { target: { name: string } }[] }[];
      blocked: { to: { name?: string }; gate: string }[];
    };
    expect(map.subjects.map((s) => [s.subject.name, s.roles.map((r) => r.target.name)])).toEqual([
      ['bob', ['Deploy']],
    ]);
    expect(map.blocked.map((b) => [b.to.name, b.gate])).toEqual([['Developer', 'identity']]);
  });

  it('lists the paths from a principal to a role with the gates of each hop', () => {
    const out = iamlab([
      '--scenario',
      'ch05-mfa',
      '--solution',
      '--from',
      'alice',
      '--to',
      'Admin',
    ]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(
      'alice → Admin (acme-prod): 1 path(s)\n  1. with MFA\n    sts:AssumeRole → Admin (acme-prod), with MFA\n',
    );
    expect(out.stdout).toContain('resource policy allows (trust:Admin#/Statement/0)');
  });

  it('names the gate that stops a path when there is none', () => {
    const out = iamlab(['--scenario', 'ch02-jump-account', '--from', 'bob', '--to', 'Developer']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(
      /^bob → Developer \(acme-dev\): no path; where each candidate stops:\n/,
    );
    expect(out.stdout).toContain('stopped by the identity policy');
  });

  it('lists who reaches a role', () => {
    const out = iamlab(['--scenario', 'ch02-jump-account', '--to', 'Deploy']);
    expect(out.stdout).toBe('alice: assume Deploy in acme-prod\nbob: assume Deploy in acme-prod\n');
  });

  it('prints paths as JSON', () => {
    const out = iamlab([
      '--scenario',
      'ch02-jump-account',
      '--from',
      'bob',
      '--to',
      'Deploy',
      '--json',
    ]);
    const result = JSON.parse(out.stdout) as { ok: boolean; paths: { hops: unknown[] }[] };
    expect(result.ok).toBe(true);
    expect(result.paths.map((p) => p.hops.length)).toEqual([1]);
  });
});

describe('iamlab access: usage', () => {
  it('exits 2 with the usage on bad arguments and unknown scenarios', () => {
    const bad = iamlab(['--scenario', 'ch05-mfa', '--diff', 'start', 'later']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('compares `start` and `solution`, not `later`');
    expect(iamlab([]).status).toBe(2);
    const missing = iamlab(['--scenario', 'no-such']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('iamlab access: no scenario `no-such` under `content/scenarios`\n');
  });

  it('exits 1 for a principal or target it does not know', () => {
    expect(iamlab(['--scenario', 'ch05-mfa', '--from', 'zed']).status).toBe(1);
    const out = iamlab(['--scenario', 'ch05-mfa', '--from', 'alice', '--to', 'Nope']);
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('no role or bucket named `Nope`\n');
  });
});
