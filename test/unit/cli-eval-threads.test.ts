// `iamlab eval` on several threads (bin/eval-pool.ts) prints the same bytes, the same errors
// and the same exit codes as on one. IAMLAB_EVAL_PARALLEL_MIN / IAMLAB_EVAL_RUN_CHARS force
// the threaded path on small inputs cut into many runs; IAMLAB_EVAL_POOL_REPORT=1 has the
// command say on stderr what the threads did, so a test fails if the path is not taken.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../bin/catalog.ts';
import { decideInParallel, PARALLEL_MIN_CHARS } from '../../bin/eval-pool.ts';
import { elementRuns, fastCases, forEachFastCase } from '../../sandbox/eval-cases/fast-cases.ts';
import { runEvalCase, type EvalCaseResult } from '../../sandbox/eval-cases/run-cases.ts';
import { evalBatchText } from '../../scripts/eval-batch.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const golden = resolve(root, 'test/golden');
const multiCore = availableParallelism() > 1;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function iamlab(args: readonly string[], input: string, env: Record<string, string>): Run {
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', resolve(root, 'bin/iamlab.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      input,
      env: { ...process.env, ...env },
      maxBuffer: 1 << 30,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ONE_THREAD = { IAMLAB_EVAL_THREADS: '1' };
/** Threads from the first character, in runs of a few cases each. */
const FORCED = {
  IAMLAB_EVAL_PARALLEL_MIN: '0',
  IAMLAB_EVAL_RUN_CHARS: '3000',
  IAMLAB_EVAL_POOL_REPORT: '1',
};

const REPORT = /^iamlab eval: \d+ threads, .*\n/m;

/**
 * `iamlab eval -` on one thread and on several. `many` is the threaded run without its
 * report line (which must be there), `report` that line.
 */
function both(
  input: string,
  args: readonly string[] = [],
): { one: Run; many: Run; report: string } {
  const one = iamlab(['eval', '-', ...args], input, ONE_THREAD);
  const threaded = iamlab(['eval', '-', ...args], input, FORCED);
  const line = REPORT.exec(threaded.stderr)?.[0] ?? '';
  expect(line, 'the threaded path was not taken').not.toBe('');
  return { one, many: { ...threaded, stderr: threaded.stderr.replace(line, '') }, report: line };
}

interface Report {
  readonly threads: number;
  readonly runs: number;
  readonly byThread: number[];
  readonly rescued: number;
}

/** The IAMLAB_EVAL_POOL_REPORT line, or null when the threaded path was not taken. */
function report(stderr: string): Report | null {
  const m = /^iamlab eval: (\d+) threads, (\d+) runs, by thread ([\d ]+), rescued (\d+)/m.exec(
    stderr,
  );
  if (m === null) return null;
  return {
    threads: Number(m[1]),
    runs: Number(m[2]),
    byThread: (m[3] ?? '').split(' ').map(Number),
    rescued: Number(m[4]),
  };
}

type Case = Record<string, unknown> & { id: string };

/** Every golden case (ids made unique across files), then generated ones. */
function mixedCases(generated: number): Case[] {
  const cases: Case[] = [];
  for (const f of readdirSync(golden).filter((name) => name.endsWith('.json'))) {
    for (const c of JSON.parse(readFileSync(resolve(golden, f), 'utf8')) as Case[])
      cases.push({ ...c, id: `${f}/${c.id}` });
  }
  return [...cases, ...(JSON.parse(evalBatchText(generated)) as Case[])];
}

const cases = mixedCases(200);

describe('elementRuns', () => {
  it('cuts the array into runs of whole cases that read back as the same cases', () => {
    const tricky = ['a\\', 'b"', 'c\\"\\\\', '[{,}]', 'ü 日', '"],['].map((id) => ({
      id,
      request: { principal: 'p', action: 'a', resource: '*' },
    }));
    const text = ` \n${JSON.stringify([...tricky, ...cases.slice(0, 30)], null, 2)}\n`;
    const whole = fastCases(text)?.map((c) => c.id);
    for (const size of [1, 50, 700, 5000, text.length]) {
      const runs = elementRuns(text, size);
      expect(runs).not.toBeNull();
      const ids: string[] = [];
      for (let r = 0; r < (runs?.length ?? 0); r += 2) {
        const run = fastCases(`[${text.slice(runs?.[r], runs?.[r + 1])}]`);
        expect(run?.length, `size ${size}`).toBeGreaterThan(0);
        ids.push(...(run ?? []).map((c) => c.id));
      }
      expect(ids, `size ${size}`).toEqual(whole);
    }
    expect(elementRuns('[]', 10)).toEqual([]);
    expect(elementRuns('{}', 10)).toBeNull();
    expect(elementRuns('[1] 2', 10)).toBeNull();
  });
});

describe.skipIf(!multiCore)('iamlab eval on several threads', { timeout: 120_000 }, () => {
  it('prints the same bytes as one thread, with and without --explain, in en and ja', () => {
    // Pretty-printed (blanks between elements) and with a name outside Latin-1 (two bytes a
    // character in shared memory).
    const inputs = [
      JSON.stringify(cases),
      JSON.stringify([...cases, { ...cases[0], id: 'ユーザー「日本」' }], null, 2),
    ];
    for (const [i, input] of inputs.entries()) {
      for (const args of [[], ['--explain'], ['--explain', '--lang', 'ja']]) {
        const { one, many, report: line } = both(input, args);
        const where = `input ${i}, ${args.join(' ')}`;
        expect(one.status, where).toBe(0);
        expect(one.stderr, where).toBe('');
        expect(many.status, where).toBe(0);
        expect(many.stderr, where).toBe('');
        expect(many.stdout === one.stdout, where).toBe(true);
        const r = report(line);
        expect(r?.runs, where).toBeGreaterThan(50);
        expect(r?.rescued, where).toBe(0);
      }
    }
  });

  it('prints what JSON.stringify prints for an empty array', () => {
    const { one, many, report: line } = both('[ ]');
    expect(one.stdout).toBe('[]\n');
    expect(many.stdout).toBe('[]\n');
    expect(report(line)?.runs).toBe(0);
  });

  it('words an invalid case in a late run as one thread does', () => {
    const bad = cases.map((c, i) =>
      i === cases.length - 3 ? { ...c, request: { ...(c['request'] as object), action: 3 } } : c,
    );
    const { one, many, report: line } = both(JSON.stringify(bad, null, 1));
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/request\.action must be a string/);
    expect(many).toEqual(one);
    expect(line).toMatch(/not plainly valid/);
  });

  it('words the same id in two runs, or twice in one run, as one thread does', () => {
    // Far apart, each run alone is valid: only the main thread's check across runs finds it.
    for (const [at, from] of [
      [cases.length - 2, 1],
      [cases.length - 2, cases.length - 3],
    ] as const) {
      const dup = cases.map((c, i) => (i === at ? { ...c, id: cases[from]?.id } : c));
      const { one, many, report: line } = both(JSON.stringify(dup));
      expect(one.status).toBe(2);
      expect(one.stderr).toContain(`case ${at + 1} (id `);
      expect(one.stderr).toContain('the id is used by an earlier case');
      expect(many).toEqual(one);
      expect(line).toMatch(/not plainly valid/);
    }
  });

  it('words bad JSON and text after the array as one thread does', () => {
    const text = JSON.stringify(cases.slice(0, 60));
    for (const input of [
      `${text} x`,
      text.replace('"id"', '"id" :,'),
      `{"cases": ${text}}`,
      // A comma before the closing bracket is not JSON.
      `${text.slice(0, -1)},]`,
    ]) {
      const { one, many } = both(input);
      expect(one.status).toBe(2);
      expect(many).toEqual(one);
    }
  });

  it('takes the threaded path by itself at PARALLEL_MIN_CHARS, and workers decide runs', () => {
    // Just over the threshold: few cases, blanks between them.
    const few = JSON.parse(evalBatchText(40)) as Case[];
    const pad = ' '.repeat(Math.ceil(PARALLEL_MIN_CHARS / (few.length - 1)));
    const large = `[${few.map((c) => JSON.stringify(c)).join(`,${pad}`)}]`;
    expect(large.length).toBeGreaterThanOrEqual(PARALLEL_MIN_CHARS);
    const byDefault = iamlab(['eval', '-'], large, { IAMLAB_EVAL_POOL_REPORT: '1' });
    expect(byDefault.status).toBe(0);
    expect(report(byDefault.stderr)?.threads).toBe(availableParallelism());
    expect(byDefault.stdout).toBe(iamlab(['eval', '-'], large, ONE_THREAD).stdout);
    const below = iamlab(['eval', '-'], large.slice(0, -2) + ']', {
      IAMLAB_EVAL_POOL_REPORT: '1',
      IAMLAB_EVAL_PARALLEL_MIN: String(large.length),
    });
    expect(report(below.stderr)).toBeNull();

    // Enough work that a worker, once started, finds runs left (≈ 0.2 s on one thread).
    const batch = evalBatchText(3000);
    const many = iamlab(['eval', '-'], batch, { ...FORCED, IAMLAB_EVAL_RUN_CHARS: '20000' });
    expect(many.status).toBe(0);
    const r = report(many.stderr);
    expect(r?.threads).toBe(availableParallelism());
    expect(r?.byThread[0]).toBeGreaterThan(0);
    expect(r?.byThread.slice(1).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

describe.skipIf(!multiCore)('the eval pool when a worker fails', { timeout: 60_000 }, () => {
  const text = JSON.stringify(cases.slice(0, 120));
  const settings = { explain: true, lang: 'en' } as const;

  async function oneThread(): Promise<string> {
    const catalog = await loadCatalog();
    const results: EvalCaseResult[] = [];
    forEachFastCase(text, (c) => results.push(runEvalCase(c, { ...settings, catalog })));
    return `${JSON.stringify(results, null, 2)}\n`;
  }

  it('decides on the main thread the run a crashed worker had claimed', async () => {
    const outcome = await decideInParallel(
      text,
      settings,
      { threads: 2, runChars: 3000 },
      {
        workerUrl: pathToFileURL(resolve(root, 'test/fixtures/eval-worker-crash.mjs')),
        mainWaits: true,
      },
    );
    expect(outcome.report.rescued).toBe(1);
    expect(outcome.report.failures).toHaveLength(1);
    expect(outcome.report.failures[0]).toMatch(/worker crashed on purpose/);
    expect(outcome.output === (await oneThread())).toBe(true);
  });

  it('does the work alone when a worker cannot start', async () => {
    const outcome = await decideInParallel(
      text,
      settings,
      { threads: 3, runChars: 3000 },
      { workerUrl: pathToFileURL(resolve(root, 'test/fixtures/no-such-worker.mjs')) },
    );
    expect(outcome.report.byThread.slice(1)).toEqual([0, 0]);
    expect(outcome.output === (await oneThread())).toBe(true);
  });

  it('runs the real worker in-process too (vitest), with the same bytes', async () => {
    const outcome = await decideInParallel(
      text,
      settings,
      { threads: 2, runChars: 3000 },
      { mainWaits: true },
    );
    expect(outcome.report.byThread[1]).toBe(outcome.report.runs);
    expect(outcome.report.failures).toEqual([]);
    expect(outcome.output === (await oneThread())).toBe(true);
  });
});
