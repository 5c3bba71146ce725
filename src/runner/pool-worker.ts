/**
 * A worker thread of the `--workers N` pool (src/runner/pool.ts). It builds its own
 * implementation from `workerData`, says `ready`, then runs one task at a time:
 *
 * - `check`: the built-in TensorFlow.js implementation on the named backend (initialised here, in
 *   this thread); a task is one property, run by `runProperty` exactly as `lemmata check` does.
 * - `conform`: an `--impl` module (imported here), the built-in tfjs backend, or — for
 *   `--impl-cmd` — a stand-in whose calls go back to the main thread, which sends them to this
 *   worker's own adapter process; a task is one property × dtype, run by `runConformEntry`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ClaimModule, Dtype } from '../registry/types.js';
import type { AsyncImpl, BatchItem, Profile } from '../conform/async-impl.js';
import type { EntryTask } from '../conform/run.js';

export interface CheckInit { mode: 'check'; backend: string }
export interface ConformInit {
  mode: 'conform';
  kind: AsyncImpl['kind'];
  /** --impl path, --impl-cmd command line, or backend name. */
  spec: string;
  name: string;
  ops: Record<string, string[]>;
  backend?: string;
}
export type WorkerInit = CheckInit | ConformInit;

export interface CheckTask { claim: string; property: string; seed: number; runs: number; backend: string }
/** `deadlineEpoch`: the time budget's end in ms since the epoch (performance.now() differs per thread). */
export interface ConformTask extends EntryTask { profile: Partial<Profile>; deadlineEpoch?: number }
export interface ConformResult { entry: unknown; events: string[] }

const port = parentPort!;
const init = workerData as WorkerInit;

let claims: readonly ClaimModule[] = [];
const findProperty = (claim: string, property: string) => {
  const p = claims.find((c) => c.id === claim)?.properties.find((q) => q.name === property);
  if (!p) throw new Error(`unknown property ${claim}/${property}`);
  return p;
};

/** Set by the main thread after SIGINT/SIGTERM/SIGHUP: every later call answers this (as RunInterrupt does). */
let interrupted: string | null = null;
const stopped = (n: number): BatchItem[] => Array.from({ length: n }, () => ({ error: `run interrupted by ${interrupted}`, infrastructure: true }));

/** Calls to the main thread (--impl-cmd), by id. */
const waiting = new Map<number, (items: BatchItem[]) => void>();
let nextCall = 1;

async function main(): Promise<void> {
  let runTask: (t: unknown) => Promise<unknown>;
  try {
    ({ CLAIM_MODULES: claims } = await import('../properties/index.js'));
    if (init.mode === 'check') {
      const { createTfjsImplementation } = await import('../impl/tfjs/index.js');
      const { runProperty } = await import('./run-property.js');
      const impl = await createTfjsImplementation(init.backend as never);
      runTask = async (t) => {
        const c = t as CheckTask;
        return runProperty(c.claim, findProperty(c.claim, c.property), impl, { seed: c.seed, runs: c.runs, backend: c.backend });
      };
      port.postMessage({ type: 'ready', info: { name: impl.name, dtype: impl.dtype, notes: impl.notes } });
    } else {
      const { runConformEntry } = await import('../conform/run.js');
      let impl: AsyncImpl;
      if (init.kind === 'module') {
        const { loadModuleImpl } = await import('../conform/module-impl.js');
        impl = await loadModuleImpl(init.spec);
      } else if (init.kind === 'builtin') {
        const { createTfjsImplementation } = await import('../impl/tfjs/index.js');
        const { fromSyncImplementation } = await import('../conform/async-impl.js');
        impl = fromSyncImplementation(await createTfjsImplementation(init.spec as never), 'builtin', init.spec);
      } else {
        impl = {
          name: init.name, kind: 'command', spec: init.spec, ops: init.ops, profile: {}, events: [],
          callBatch: (op, dtype, batch) => new Promise<BatchItem[]>((resolve) => {
            const id = nextCall++;
            waiting.set(id, resolve);
            port.postMessage({ type: 'call', id, op, dtype, batch });
          }),
          async close() {},
        };
      }
      // the main thread's view: its op list and, per task, the profile the run settled on
      const local: AsyncImpl = {
        ...impl,
        name: init.name,
        ops: init.ops,
        ...(init.backend !== undefined ? { backend: init.backend } : {}),
        callBatch: async (op: string, dtype: Dtype, batch: Record<string, unknown>[]) => {
          if (!interrupted) await new Promise<void>((r) => setImmediate(r));
          if (interrupted) return stopped(batch.length);
          const r = await impl.callBatch(op, dtype, batch);
          return interrupted ? stopped(batch.length) : r;
        },
      };
      runTask = async (t) => {
        const c = t as ConformTask;
        local.profile = c.profile;
        const before = impl.events.length;
        const deadline = c.deadlineEpoch !== undefined ? c.deadlineEpoch - performance.timeOrigin : undefined;
        const entry = await runConformEntry(findProperty(c.claim, c.property), local, c.base, c.runs, c.options, deadline);
        return { entry, events: impl.events.slice(before) } satisfies ConformResult;
      };
      port.postMessage({ type: 'ready', info: { name: impl.name } });
    }
  } catch (e) {
    port.postMessage({ type: 'init-error', message: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.constructor.name : 'Error' });
    return;
  }
  // one task at a time, in the order they arrive
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (m: { type: string; index?: number; task?: unknown; id?: number; items?: BatchItem[]; signal?: string }) => {
    if (m.type === 'reply') { const r = waiting.get(m.id!); waiting.delete(m.id!); r?.(m.items!); return; }
    if (m.type === 'interrupt') { interrupted ??= m.signal ?? 'a signal'; return; }
    if (m.type === 'task') {
      queue = queue.then(async () => {
        const t0 = performance.now();
        const result = await runTask(m.task);
        port.postMessage({ type: 'result', index: m.index, result, ms: Math.round(performance.now() - t0) });
      });
    }
  });
}

void main();
