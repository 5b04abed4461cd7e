// `iamlab check FILE.zip`: the playground's download is checked as it is, without unzipping.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonTree } from '../../bin/commands/scenario-files.ts';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { toZip } from '../../src/playground/bundle.ts';
import { exportFolder, folderFromScenario } from '../../src/playground/world-edit.ts';

function iamlab(args: readonly string[]) {
  const r = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', 'bin/iamlab.ts', ...args],
    { encoding: 'utf8' },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function playgroundZip(learner: (docs: Record<string, string>) => Record<string, string>): string {
  const s = loadScenarios(readJsonTree('src/scenarios/playground')).scenarios[0];
  if (s === undefined) throw new Error('no playground');
  const folder = folderFromScenario(s);
  const out = exportFolder(folder, learner({ ...folder.documents }), 'my-world');
  const file = join(mkdtempSync(join(tmpdir(), 'iamlab-zip-')), 'my-world.zip');
  writeFileSync(file, toZip(out.files));
  return file;
}

describe('iamlab check FILE.zip', { timeout: 60_000 }, () => {
  it('proves a downloaded world', () => {
    const r = iamlab(['check', playgroundZip((d) => d)]);
    expect(r.stdout).toMatch(
      /^ok {3}my-world: 1 exercise, 2 goals, start fails 1, solution passes all$/m,
    );
    expect(r.status).toBe(0);
  });

  it('fails a download whose solution no longer passes, naming the goal', () => {
    // The learner's version of the trust policy replaces the built-in solution, and solves nothing.
    const r = iamlab([
      'check',
      playgroundZip((d) => ({
        ...d,
        'policies/deploy-trust.json': '{"Version": "2012-10-17", "Statement": []}',
      })),
    ]);
    expect(r.stdout).toMatch(/^FAIL my-world: .*goal `alice-with-mfa` expects allowed/m);
    expect(r.status).toBe(1);
  });

  it('reports a file that is not a zip as unreadable', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'iamlab-zip-')), 'broken.zip');
    writeFileSync(file, 'not a zip');
    const r = iamlab(['check', file]);
    expect(r.stderr).toContain('cannot read');
    expect(r.status).toBe(2);
  });
});
