// `iamlab lint` end to end: text, JSON and SARIF output, exit status, standard input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function iamlab(args: readonly string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', resolve(root, 'bin/iamlab.mjs'), ...args],
    { cwd: root, encoding: 'utf8', ...(input === undefined ? {} : { input }) },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'iamlab-lint-'));
function file(name: string, policy: object): string {
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(policy, null, 2)}\n`);
  return path;
}

const typo = file('typo.json', {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['s3:GetObjcet'], Resource: 'arn:aws:s3:::reports/*' },
    { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
  ],
});
const warningsOnly = file('warnings.json', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
});
const clean = file('clean.json', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
});

interface Sarif {
  version: string;
  $schema: string;
  runs: {
    tool: {
      driver: { name: string; rules: { id: string; defaultConfiguration: { level: string } }[] };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
        logicalLocations: { fullyQualifiedName: string }[];
      }[];
    }[];
  }[];
}

// Each spawn starts Node (~0.3–2 s on a busy 2-core machine).
describe('iamlab lint', { timeout: 30_000 }, () => {
  it('prints file:line:column findings and exits 1 on an error', () => {
    const run = iamlab(['lint', typo]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `${typo}:7:9: error unknown-action: \`s3:GetObjcet\` is not an action of Amazon S3; did you mean \`s3:GetObject\`?`,
    );
    expect(lines[1]).toMatch(/:14:19: security-warning pass-role-with-star: /);
    expect(lines.at(-1)).toBe('2 findings, 1 error');
  });

  it('exits 0 when there are only warnings, or nothing', () => {
    expect(iamlab(['lint', warningsOnly]).status).toBe(0);
    const run = iamlab(['lint', clean]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('0 findings, 0 errors\n');
  });

  it('JSON, in Japanese, from standard input', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:GetObjcet', Resource: '*' },
    });
    const run = iamlab(['lint', '-', '--format', 'json', '--lang', 'ja'], text);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        code: 'unknown-action',
        path: '/Statement/Action',
        line: 1,
        column: text.indexOf('"s3:GetObjcet"') + 1,
        message:
          '`s3:GetObjcet` は Amazon S3 のアクションではありません（`s3:GetObject` の間違いではありませんか）',
      }),
    ]);
  });

  it('SARIF 2.1.0: rules, results pointing at their rules, regions and JSON pointers', () => {
    const run = iamlab(['lint', typo, '--format', 'sarif']);
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as Sarif;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const [only] = sarif.runs;
    expect(only?.tool.driver.name).toBe('iamlab');
    const rules = only?.tool.driver.rules ?? [];
    expect(rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['unknown-action', 'error'],
      ['pass-role-with-star', 'warning'],
    ]);
    for (const r of only?.results ?? []) {
      expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
      const loc = r.locations[0];
      expect(loc?.physicalLocation.artifactLocation.uri).toBe(typo);
      expect(loc?.physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(loc?.physicalLocation.region.endColumn).toBeGreaterThan(
        loc?.physicalLocation.region.startColumn ?? 0,
      );
      expect(loc?.logicalLocations[0]?.fullyQualifiedName).toMatch(/^\/Statement\//);
    }
    expect(only?.results[0]?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 7,
      startColumn: 9,
      endLine: 7,
      endColumn: 23,
    });
  });

  it('grammar findings too, with the kind given', () => {
    const trust = file('trust.json', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:group/devs' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    const run = iamlab(['lint', trust, '--kind', 'trust', '--format', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { code: string }[]).map((f) => f.code)).toContain(
      'invalid-principal',
    );
  });

  it('usage problems exit 2', () => {
    expect(iamlab(['lint']).status).toBe(2);
    expect(iamlab(['lint', typo, '--kind', 'group']).status).toBe(2);
    expect(iamlab(['lint', typo, '--format', 'xml']).status).toBe(2);
    const missing = iamlab(['lint', join(dir, 'missing.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/);
  });
});
