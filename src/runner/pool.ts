/**
 * `--workers N`: a pool of worker threads (node:worker_threads) for `lemmata check` and
 * `lemmata conform`. The unit of work is one property (× dtype), which already has its own seed
 * (src/runner/seed.ts), so its result does not depend on which worker ran it or when: tasks are
 * dispatched in canonical order to whichever worker is free, and the caller stores each result at
 * its task's index, so that reports are merged in the canonical order and are byte-identical to a
 * run with one worker (timing fields apart).
 *
 * Each worker runs src/runner/pool-worker.ts: it builds its own implementation (its own tfjs
 * backend, its own copy of an --impl module; for --impl-cmd its calls come back to this thread,
 * which owns the adapter processes, see src/conform/pool.ts), answers `ready`, then runs one task
 * at a time. A worker that dies (an uncaught exception, process.exit in a module under test, out
 * of memory) fails only the task it was running — `crashed(k, why)` gives its result — and is
 * replaced for the tasks still to come.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fromRoot } from '../util/paths.js';

/** The default number of workers: the cores this process may use. */
export function defaultWorkers(): number {
  // LEMMATA_WORKERS (a positive integer) overrides the core count, e.g. where the caller already
  // runs several lemmata processes side by side (the test suite sets it to 1).
  const env = process.env['LEMMATA_WORKERS'];
  if (env !== undefined && /^[1-9][0-9]{0,3}$/.test(env)) return Number(env);
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** The compiled worker script (beside this file in dist/; from the TypeScript sources, dist/'s copy). */
export function workerScript(): string {
  const here = fileURLToPath(new URL('./pool-worker.js', import.meta.url));
  return fs.existsSync(here) ? here : fromRoot('dist', 'runner', 'pool-worker.js');
}

/** A worker could not build its implementation (e.g. a tfjs backend that is not installed). */
export class PoolStartError extends Error {
  constructor(message: string, readonly errorName: string) { super(message); }
}

/** Messages from a worker. */
export type FromWorker =
  | { type: 'ready'; info: unknown }
  | { type: 'init-error'; message: string; name: string }
  | { type: 'result'; index: number; result: unknown; ms: number }
  | { type: 'call'; id: number; op: string; dtype: string; batch: Record<string, unknown>[] };

/** A worker's call back to this thread (--impl-cmd: the adapter process of its lane). */
export type CallHandler = (lane: number, op: string, dtype: string, batch: Record<string, unknown>[]) => Promise<unknown[]>;

interface Lane { index: number; worker: Worker | null; task: number | null; error: string | null }

export interface MapHooks<R> {
  /** Asked just before task k starts: a result to use instead of running it (e.g. not-run), or undefined. */
  before?: (k: number) => R | undefined;
  /** The result of task k when its worker died while running it. */
  crashed: (k: number, why: string) => R;
  /** Task k's result (any order), the ms it took, and the lane that ran it. */
  done: (k: number, result: R, ms: number, lane: number) => void;
  /** Task k is about to be sent to this lane. */
  starting?: (k: number, lane: number) => void;
}

export class ThreadPool {
  private lanes: Lane[] = [];
  private closed = false;
  /** What the first worker said it is (its `ready` message). */
  info: unknown = null;
  private onExit: (lane: Lane, why: string) => void = () => {};
  private onResult: (lane: Lane, m: Extract<FromWorker, { type: 'result' }>) => void = () => {};

  private constructor(private readonly init: unknown, private readonly onCall?: CallHandler) {}

  /** Start `n` workers with `init` as their workerData; resolves when all are ready. */
  static async start(n: number, init: unknown, onCall?: CallHandler): Promise<ThreadPool> {
    const pool = new ThreadPool(init, onCall);
    pool.lanes = Array.from({ length: n }, (_, index) => ({ index, worker: null, task: null, error: null }));
    try {
      const infos = await Promise.all(pool.lanes.map((l) => pool.spawn(l)));
      pool.info = infos[0];
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get size(): number { return this.lanes.length; }

  /** Start (or restart) the worker of a lane; resolves with its `ready` info. */
  private spawn(lane: Lane): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const w = new Worker(workerScript(), { workerData: this.init, stdout: false, stderr: false });
      lane.worker = w;
      lane.error = null;
      let ready = false;
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') { ready = true; resolve(m.info); }
        else if (m.type === 'init-error') { ready = true; reject(new PoolStartError(m.message, m.name)); }
        else if (m.type === 'result') this.onResult(lane, m);
        else if (m.type === 'call') this.answer(lane, w, m);
      });
      w.on('error', (e) => { lane.error = e instanceof Error ? e.message : String(e); });
      w.on('exit', (code) => {
        if (lane.worker === w) lane.worker = null;
        const why = lane.error ?? `exit code ${code}`;
        if (!ready) { ready = true; reject(new PoolStartError(`worker thread ended before it was ready: ${why}`, 'Error')); return; }
        if (!this.closed) this.onExit(lane, why);
      });
    });
  }

  private answer(lane: Lane, w: Worker, m: Extract<FromWorker, { type: 'call' }>): void {
    const reply = (items: unknown[]) => { if (lane.worker === w) w.postMessage({ type: 'reply', id: m.id, items }); };
    if (!this.onCall) { reply(m.batch.map(() => ({ error: 'no implementation in the main thread', infrastructure: true }))); return; }
    this.onCall(lane.index, m.op, m.dtype, m.batch).then(reply, (e) => reply(m.batch.map(() => ({ error: String((e as Error)?.message ?? e), infrastructure: true }))));
  }

  /** A message to every live worker. */
  broadcast(msg: unknown): void {
    for (const l of this.lanes) l.worker?.postMessage(msg);
  }

  /**
   * Run `tasks` (plain data, one `{ type: 'task' }` message each) on the workers: each free worker
   * takes the next task in order. Resolves when every task has a result.
   */
  map<T, R>(tasks: T[], hooks: MapHooks<R>): Promise<void> {
    return new Promise((resolve) => {
      let next = 0;
      let pending = tasks.length;
      const started = new Map<number, number>();
      const finish = (k: number, r: R, ms: number, lane: number) => {
        hooks.done(k, r, ms, lane);
        if (--pending === 0) resolve();
      };
      const feed = (lane: Lane) => {
        while (lane.task === null && lane.worker !== null && next < tasks.length) {
          const k = next++;
          const instead = hooks.before?.(k);
          if (instead !== undefined) { finish(k, instead, 0, lane.index); continue; }
          lane.task = k;
          started.set(k, performance.now());
          hooks.starting?.(k, lane.index);
          lane.worker.postMessage({ type: 'task', index: k, task: tasks[k] });
        }
        // no worker left at all: what remains cannot run
        if (this.lanes.every((l) => l.worker === null)) {
          while (next < tasks.length) { const k = next++; finish(k, hooks.before?.(k) ?? hooks.crashed(k, 'no worker thread left'), 0, lane.index); }
        }
      };
      this.onResult = (lane, m) => {
        if (lane.task !== m.index) return;
        lane.task = null;
        finish(m.index, m.result as R, m.ms, lane.index);
        feed(lane);
      };
      this.onExit = (lane, why) => {
        const k = lane.task;
        lane.task = null;
        if (k !== null) finish(k, hooks.crashed(k, `worker thread crashed: ${why}`), Math.round(performance.now() - (started.get(k) ?? performance.now())), lane.index);
        if (next >= tasks.length) return;
        // replace the worker for the tasks still to come
        this.spawn(lane).then(() => feed(lane), () => { lane.worker = null; feed(lane); });
      };
      if (tasks.length === 0) { resolve(); return; }
      for (const l of this.lanes) feed(l);
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.lanes.map(async (l) => { const w = l.worker; l.worker = null; if (w) await w.terminate(); }));
  }
}
