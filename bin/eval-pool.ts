// `iamlab eval` on both (all) cores: a large file's top-level array is cut into runs of
// whole cases (`elementRuns`), and the main thread plus worker threads each claim the next
// run through an Atomics counter on a SharedArrayBuffer until none is left, so a worker that
// starts late simply decides fewer runs. Each run goes through the fast path exactly as the
// sequential command does (`forEachFastCase` → `runEvalCase` with the same options and its
// own `loadCatalog()`), and comes back as the text of its results; the main thread joins
// them in input order into the bytes `JSON.stringify(results, null, 2)` would have printed.
//
// Anything that is not plainly valid (a run the fast path rejects, the same id in two runs)
// gives `output: null`: the caller then reads the whole text with the slow reader, which
// words the problem exactly as on one thread. A worker that crashes never hangs the command: the runs it
// claimed and did not return are decided on the main thread.
//
// Threads start only for inputs of at least `PARALLEL_MIN_CHARS` characters, because on two
// cores they pay for little. A worker costs ≈ 90 ms of CPU to start (Node, its modules from
// the start-up cache, its own catalog) and then warms up its own JIT (≈ 0.3 s of V8's
// background compiling); the main thread first cuts the text (≈ 1.3 ms per MB) and copies it
// into shared memory (≈ 0.6 ms per MB); and one thread alone already keeps the second core
// ≈ 20–45 % busy with V8's garbage collection and compiling. Measured on this 2-core machine
// with nothing else running (whole process, the bench's cases at ≈ 1,280 characters each,
// the engine of 2026-12-01 16:00, medians of 3–4): 16,000 cases 1.01 s on one thread vs
// 1.16 s on two, 24,000 1.38 vs 1.51 s, 40,000 1.91 vs 1.89 s, 48,000 2.27 vs 2.02 s, with
// 35–55 % more CPU on two. With other work on the machine (the kernel shares CPU between
// sessions, not threads) a second thread gets no core of its own and only adds that CPU.
// Re-measure when deciding gets faster: the fixed costs stay, so the break-even grows.
//
// Environment, for tests and measurement only:
//   IAMLAB_EVAL_THREADS=N         at most N threads (main included); 1 turns threads off
//   IAMLAB_EVAL_PARALLEL_MIN=C    take the threaded path from C characters of input
//   IAMLAB_EVAL_RUN_CHARS=C       cut runs of at least C characters (default 256 KiB)
//   IAMLAB_EVAL_POOL_REPORT=1     one line on stderr: threads started, runs each decided
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { elementRuns, forEachFastCase } from '../sandbox/eval-cases/fast-cases.ts';
import { runEvalCase, type RunOptions } from '../sandbox/eval-cases/run-cases.ts';
import type { Lang } from '../sandbox/explain/messages.ts';
import { loadCatalog } from './catalog.ts';

/** Below this many characters (≈ 39,000 of the bench's cases) one thread decides. */
export const PARALLEL_MIN_CHARS = 50_000_000;
/** A run: ≈ 200 of the bench's cases, ≈ 10 ms of deciding, so the last run adds little. */
export const RUN_CHARS = 256 * 1024;

export interface EvalSettings {
  readonly explain: boolean;
  readonly lang: Lang;
}

/** What the threads did, for IAMLAB_EVAL_POOL_REPORT and tests. */
export interface PoolReport {
  /** Threads started, the main thread included. */
  readonly threads: number;
  readonly runs: number;
  /** Runs each thread decided and returned, the main thread first. */
  readonly byThread: readonly number[];
  /** Runs a failed worker had claimed, decided again on the main thread. */
  readonly rescued: number;
  /** Why workers failed, one line each. */
  readonly failures: readonly string[];
}

export interface PoolOutcome {
  /**
   * Exactly `JSON.stringify(results, null, 2) + "\n"`, or `null` when the text is not
   * plainly valid (not an array, a run the fast path rejects, an id in two runs): the
   * caller then reads the whole text with the slow reader, which words the problem.
   */
  readonly output: string | null;
  readonly report: PoolReport;
}

export interface PoolPlan {
  readonly threads: number;
  readonly runChars: number;
}

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The threads and run size for a text of `chars` characters, or `null` for one thread. */
export function poolPlan(chars: number): PoolPlan | null {
  const threads = Math.min(availableParallelism(), envInt('IAMLAB_EVAL_THREADS') ?? Infinity);
  if (threads < 2 || chars < (envInt('IAMLAB_EVAL_PARALLEL_MIN') ?? PARALLEL_MIN_CHARS))
    return null;
  return { threads, runChars: Math.max(1, envInt('IAMLAB_EVAL_RUN_CHARS') ?? RUN_CHARS) };
}

export function wantsReport(): boolean {
  return process.env['IAMLAB_EVAL_POOL_REPORT'] === '1';
}

export function reportLine(outcome: PoolOutcome): string {
  const r = outcome.report;
  const failed = r.failures.length === 0 ? '' : `; failed: ${r.failures.join(' | ')}`;
  const slow = outcome.output === null ? '; not plainly valid, read again by the slow reader' : '';
  return `iamlab eval: ${r.threads} threads, ${r.runs} runs, by thread ${r.byThread.join(' ')}, rescued ${r.rescued}${failed}${slow}\n`;
}

/** One run decided: its ids (checked across runs by the main thread) and its results' text. */
interface Decided {
  readonly ids: string[];
  /** The results as lines of the printed array: each indented two spaces, joined by ",\n". */
  readonly text: string;
}

/** A run (`[…]`) through the fast path, or `null` when it is not plainly valid. */
function decideRun(text: string, options: RunOptions): Decided | null {
  const ids: string[] = [];
  const parts: string[] = [];
  const ok = forEachFastCase(text, (c) => {
    ids.push(c.id);
    // JSON strings hold no raw line breaks, so every "\n" starts a line to indent.
    parts.push(`  ${JSON.stringify(runEvalCase(c, options), null, 2).replaceAll('\n', '\n  ')}`);
  });
  return ok ? { ids, text: parts.join(',\n') } : null;
}

// The shared counter: the next run to claim, and a stop flag once a run was not valid.
const NEXT = 0;
const STOP = 1;

interface StartMessage {
  readonly text: SharedArrayBuffer;
  readonly encoding: 'latin1' | 'utf16le';
  readonly runs: readonly number[];
  readonly counter: Int32Array;
  readonly settings: EvalSettings;
}

type WorkerMessage =
  | { readonly run: number; readonly ids: string[]; readonly text: string }
  | { readonly run: number; readonly invalid: true }
  | { readonly done: true };

/**
 * Claims runs until none is left (or a thread found one not valid), handing each decided
 * run to `deliver`. Returns false when a run was not valid.
 */
function claimRuns(
  start: Pick<StartMessage, 'runs' | 'counter'>,
  read: (from: number, to: number) => string,
  options: RunOptions,
  deliver: (run: number, decided: Decided) => void,
): boolean {
  const { runs, counter } = start;
  const count = runs.length / 2;
  while (Atomics.load(counter, STOP) === 0) {
    const run = Atomics.add(counter, NEXT, 1);
    if (run >= count) return true;
    const decided = decideRun(`[${read(runs[2 * run] ?? 0, runs[2 * run + 1] ?? 0)}]`, options);
    if (decided === null) {
      Atomics.store(counter, STOP, 1);
      return false;
    }
    deliver(run, decided);
  }
  return true;
}

/** The worker's side (bin/eval-worker.mjs): one start message, then runs until none is left. */
export function serveEvalPool(): void {
  const port = parentPort;
  if (port === null) throw new Error('serveEvalPool runs in a worker thread');
  // The catalog loads while the main thread reads and cuts the file.
  const catalog = loadCatalog();
  port.once('message', (start: StartMessage) => {
    void catalog.then((loaded) => {
      const width = start.encoding === 'latin1' ? 1 : 2;
      const read = (from: number, to: number): string =>
        Buffer.from(start.text, from * width, (to - from) * width).toString(start.encoding);
      const options: RunOptions = { ...start.settings, catalog: loaded };
      const ok = claimRuns(start, read, options, (run, decided) => {
        port.postMessage({ run, ids: decided.ids, text: decided.text } satisfies WorkerMessage);
      });
      if (!ok) port.postMessage({ run: -1, invalid: true } satisfies WorkerMessage);
      port.postMessage({ done: true } satisfies WorkerMessage);
      port.close();
    });
  });
}

/** The text in shared memory, one byte a character when it can be (the usual JSON file). */
function shareText(text: string): Pick<StartMessage, 'text' | 'encoding'> {
  // eslint-disable-next-line no-control-regex
  const encoding = /[^\u0000-\u00ff]/.test(text) ? 'utf16le' : 'latin1';
  const shared = new SharedArrayBuffer(text.length * (encoding === 'latin1' ? 1 : 2));
  Buffer.from(shared).write(text, 0, encoding);
  return { text: shared, encoding };
}

const WORKER = new URL('./eval-worker.mjs', import.meta.url);

/** For tests only. */
export interface PoolTestHooks {
  /** Another worker entry (one that crashes, or does not exist). */
  readonly workerUrl?: URL;
  /** The main thread claims runs only once every worker has finished. */
  readonly mainWaits?: boolean;
}

/** Decides `text` on `plan.threads` threads (the main thread one of them). */
export async function decideInParallel(
  text: string,
  settings: EvalSettings,
  plan: PoolPlan,
  hooks: PoolTestHooks = {},
): Promise<PoolOutcome> {
  // Workers first: they load their modules and catalog while this thread cuts the text.
  const workers: Worker[] = [];
  for (let i = 1; i < plan.threads; i++) workers.push(new Worker(hooks.workerUrl ?? WORKER));
  let closed = false;
  /** No more waiting for workers: they are stopped and hold the process no longer. */
  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const w of workers) {
      w.unref();
      void w.terminate();
    }
  };
  try {
    return await decideWith(workers, text, settings, plan, hooks, {
      isClosed: () => closed,
      close,
    });
  } finally {
    close();
  }
}

async function decideWith(
  workers: readonly Worker[],
  text: string,
  settings: EvalSettings,
  plan: PoolPlan,
  hooks: PoolTestHooks,
  pool: { readonly isClosed: () => boolean; readonly close: () => void },
): Promise<PoolOutcome> {
  const byThread: number[] = new Array<number>(plan.threads).fill(0);
  const failures: string[] = [];
  let rescued = 0;
  const runs = elementRuns(text, plan.runChars);
  const count = runs === null ? 0 : runs.length / 2;
  const outcome = (output: string | null): PoolOutcome => ({
    output,
    report: { threads: plan.threads, runs: count, byThread, rescued, failures },
  });
  if (runs === null) return outcome(null);
  const decided: (Decided | undefined)[] = new Array<Decided | undefined>(count);
  const counter = new Int32Array(new SharedArrayBuffer(8));
  let decidedCount = 0;
  let finishedCount = 0;
  const record = (thread: number, run: number, d: Decided): void => {
    if (pool.isClosed() || decided[run] !== undefined) return;
    decided[run] = d;
    decidedCount++;
    byThread[thread] = (byThread[thread] ?? 0) + 1;
  };
  // Settles once nothing more is worth waiting for: every run decided, a run not valid, or
  // every worker finished (a run a dead worker claimed is then decided here). A worker
  // still starting when the main thread took the last run is not waited for.
  let settle = (): void => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  let allFinished = (): void => undefined;
  const workersFinished = new Promise<void>((resolve) => {
    allFinished = resolve;
  });
  const check = (): void => {
    if (finishedCount === workers.length) allFinished();
    const stopped = Atomics.load(counter, STOP) !== 0;
    if (stopped || decidedCount === count || finishedCount === workers.length) settle();
  };

  const start: StartMessage = { ...shareText(text), runs, counter, settings };
  workers.forEach((worker, i) => {
    let finished = false;
    let failed = false;
    const fail = (failure: string): void => {
      if (!failed && !pool.isClosed()) failures.push(`worker ${i + 1}: ${failure}`);
      failed = true;
    };
    const finish = (): void => {
      if (finished) return;
      finished = true;
      finishedCount++;
      check();
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('done' in message) finish();
      // The worker set the stop flag before it said so.
      else if ('invalid' in message) check();
      else {
        record(i + 1, message.run, { ids: message.ids, text: message.text });
        check();
      }
    });
    // A crash reports its error, then exits; messages it sent before are delivered first.
    worker.on('error', (error: unknown) => {
      fail(String(error));
    });
    worker.on('exit', (code) => {
      if (!finished) fail(`exited (${code}) before finishing`);
      finish();
    });
    worker.postMessage(start);
  });
  check();

  const options: RunOptions = { ...settings, catalog: await loadCatalog() };
  const read = (from: number, to: number): string => text.slice(from, to);
  if (hooks.mainWaits === true) await workersFinished;
  const mainOk = claimRuns(start, read, options, (run, d) => {
    record(0, run, d);
  });
  if (!mainOk) return outcome(null);
  check();
  await settled;
  pool.close();
  if (Atomics.load(counter, STOP) !== 0) return outcome(null);

  // Runs a failed worker claimed and never returned: decided here.
  for (let run = 0; run < count; run++) {
    if (decided[run] !== undefined) continue;
    const d = decideRun(`[${read(runs[2 * run] ?? 0, runs[2 * run + 1] ?? 0)}]`, options);
    if (d === null) return outcome(null);
    decided[run] = d;
    byThread[0] = (byThread[0] ?? 0) + 1;
    rescued++;
  }

  const ids = new Set<string>();
  const parts: string[] = [];
  for (const d of decided) {
    if (d === undefined) return outcome(null);
    for (const id of d.ids) {
      if (ids.has(id)) return outcome(null);
      ids.add(id);
    }
    parts.push(d.text);
  }
  return outcome(parts.length === 0 ? '[]\n' : `[\n${parts.join(',\n')}\n]\n`);
}
