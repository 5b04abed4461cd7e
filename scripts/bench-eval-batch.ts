// `iamlab eval` as a user runs it, for `npm run bench` (issue 11): a whole process on a file
// of 48,000 distinct cases with the action catalog's findings on, against the same process
// on one case (its start-up). Targets: start-up ≤ 300 ms, ≤ 25 µs per case start-up excluded.
// The children's CPU time comes from /proc/self/stat (cutime + cstime, in clock ticks), which
// a loaded machine inflates far less than wall time. The batch (≈ 61 MB) is above the size
// from which `iamlab eval` decides on every core (bin/eval-pool.ts), so on a machine with
// more than one core the wall time is the threads' and the CPU time is the sum over all of
// them: CPU per case is then higher than on one thread (≈ 40 % on two cores), and wall per
// case lower only when a core is free. `IAMLAB_EVAL_THREADS=1` in the environment measures
// one thread, as before the pool.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalBatchText } from './eval-batch.ts';

export const BATCH_CASES = 48_000;
const TICKS_PER_SECOND = 100;
const IAMLAB = fileURLToPath(new URL('../bin/iamlab.mjs', import.meta.url));

interface Stats {
  readonly median: number;
  readonly p95: number;
  readonly cpu: number;
}

/** CPU ms of this process's waited-for children so far (Linux; 0 elsewhere). */
function childCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5), counted from the state field (3rd) here.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function runs(file: string, count: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const cpuBefore = childCpuMs();
    const start = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', IAMLAB, 'eval', file],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    wall.push(performance.now() - start);
    cpu.push(childCpuMs() - cpuBefore);
    if (child.status !== 0) throw new Error(`iamlab eval failed: ${child.stderr}`);
  }
  return { wall, cpu };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function max(values: readonly number[]): number {
  return Math.max(...values);
}

/** Rows for the bench table: start-up, then per case with start-up taken away. */
export function evalBatchRows(): { name: string; stats: Stats; target: number }[] {
  const dir = mkdtempSync(join(os.tmpdir(), 'iamlab-bench-'));
  try {
    const one = join(dir, 'one.json');
    const batch = join(dir, 'batch.json');
    writeFileSync(one, evalBatchText(1));
    writeFileSync(batch, evalBatchText(BATCH_CASES));
    // The first run fills V8's compile cache, as any earlier use of the CLI would have.
    runs(one, 1);
    const startup = runs(one, 7);
    const whole = runs(batch, 3);
    const up = median(startup.wall);
    const upCpu = median(startup.cpu);
    const perCase = (total: number, base: number): number => (total - base) / BATCH_CASES;
    return [
      {
        name: 'iamlab eval start-up (one case, whole process)',
        stats: { median: up, p95: max(startup.wall), cpu: upCpu },
        target: 300,
      },
      {
        name: `iamlab eval per case, ${BATCH_CASES.toLocaleString('en')} distinct cases, catalog findings on, start-up excluded`,
        stats: {
          median: perCase(median(whole.wall), up),
          p95: perCase(max(whole.wall), up),
          cpu: perCase(median(whole.cpu), upCpu),
        },
        target: 0.025,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node scripts/bench-eval-batch.ts` alone prints just these two rows.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of evalBatchRows()) {
    const f = (ms: number): string =>
      ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`;
    console.log(
      `${row.name}: median ${f(row.stats.median)}, worst ${f(row.stats.p95)}, CPU ${f(row.stats.cpu)} (target ≤ ${f(row.target)})`,
    );
  }
}
