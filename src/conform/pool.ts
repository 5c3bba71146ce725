/**
 * `lemmata conform --workers N`: the entries (property × dtype) run on N worker threads
 * (src/runner/pool.ts), merged back in canonical order by `runConform` (src/conform/run.ts).
 *
 * - `--impl <module>`: every worker imports the module itself (trusted code, in-process as before).
 * - `--backend <b>`: every worker initialises its own tfjs backend.
 * - `--impl-cmd <command>`: N adapter processes, each with its own line-protocol connection
 *   (`connectLineProtocol`), owned by the main thread — so the process-group control, the kill on
 *   exit and the signal handling (src/conform/process-group.ts, process-interrupt.ts) cover all of
 *   them — and worker k's calls go to connection k. The first connection is the one the command
 *   opened (its hello decides the ops and the profile); the others are opened when the run starts.
 *   A connection that fails its handshake only means one lane fewer (an event says so).
 *
 * Events of the implementation (restarts, timeouts, crashes) are charged to the entry that was
 * running on that lane and merged in canonical order. Their text can differ from a one-process run
 * where it counts requests or restarts (each process counts its own; --max-restarts applies to each).
 */
import type { AsyncImpl } from './async-impl.js';
import type { ConformProperty } from './types.js';
import { runConformEntry, type EntryExecutor, type EntryTask } from './run.js';
import { ThreadPool, PoolStartError } from '../runner/pool.js';
import type { ConformInit, ConformResult, ConformTask } from '../runner/pool-worker.js';
import { CLAIM_MODULES } from '../properties/index.js';

export interface ConformPoolOptions {
  /** The implementation as the run sees it (interrupt-wrapped): its kind, spec, ops and, at run time, its profile. */
  impl: AsyncImpl;
  workers: number;
  /** --impl-cmd: open one more connection (interrupt-wrapped) to the same command. */
  connect?: () => Promise<AsyncImpl>;
  /** The signal received by the run, if any (polled: workers are told to stop calling). */
  interrupted?: () => string | null;
  /** Where to say that the run falls back to one thread. */
  warn?: (message: string) => void;
}

export function conformExecutor(o: ConformPoolOptions): EntryExecutor {
  const lanes: AsyncImpl[] = [o.impl];
  const opened: AsyncImpl[] = [];
  const laneEvents: string[] = [];
  let pool: ThreadPool | null = null;
  return {
    async start(want) {
      const n = Math.max(1, Math.min(o.workers, want));
      if (o.impl.kind === 'command' && o.connect) {
        while (lanes.length < n) {
          try {
            const c = await o.connect();
            lanes.push(c);
            opened.push(c);
          } catch (e) {
            laneEvents.push(`adapter process ${lanes.length + 1} of ${n} failed its handshake (${(e as Error).message}); running with ${lanes.length}`);
            break;
          }
        }
      }
      const workers = o.impl.kind === 'command' ? lanes.length : n;
      const init: ConformInit = {
        mode: 'conform', kind: o.impl.kind, spec: o.impl.spec, name: o.impl.name, ops: o.impl.ops,
        ...(o.impl.backend !== undefined ? { backend: o.impl.backend } : {}),
      };
      try {
        pool = await ThreadPool.start(workers, init, o.impl.kind === 'command'
          ? (lane, op, dtype, batch) => lanes[lane]!.callBatch(op, dtype as never, batch)
          : undefined);
      } catch (e) {
        o.warn?.(`--workers: ${e instanceof PoolStartError ? e.message : String(e)}; running in one thread`);
      }
    },
    async run(tasks, hooks) {
      const crashedEntry = (k: number, why: string): ConformProperty => ({ ...tasks[k]!.base, status: 'error', checks: 0, worstRatio: null, detail: why });
      try {
        if (!pool) {
          for (let k = 0; k < tasks.length; k++) await runHere(tasks[k]!, k, o.impl, hooks, laneEvents.splice(0));
          return;
        }
        const mark = new Map<number, number>();
        const stop = o.interrupted ? setInterval(() => { const s = o.interrupted!(); if (s) pool!.broadcast({ type: 'interrupt', signal: s }); }, 50) : null;
        stop?.unref();
        const deadlineEpoch = hooks.deadline !== undefined ? performance.timeOrigin + hooks.deadline : undefined;
        const msgs: ConformTask[] = tasks.map((t) => ({ ...t, profile: o.impl.profile, ...(deadlineEpoch !== undefined ? { deadlineEpoch } : {}) }));
        try {
          await pool.map<ConformTask, ConformResult | ConformProperty>(msgs, {
            before: (k) => {
              const instead = hooks.before(k);
              if (instead) return instead;
              msgs[k]!.profile = o.impl.profile;
              return undefined;
            },
            starting: (k, lane) => { if (lanes[lane]) mark.set(k, lanes[lane]!.events.length); },
            crashed: crashedEntry,
            done: (k, r, ms, lane) => {
              const fromLane = o.impl.kind === 'command' && lanes[lane] && mark.has(k) ? lanes[lane]!.events.slice(mark.get(k)) : [];
              const extra = [...laneEvents.splice(0), ...fromLane];
              if ('entry' in r) hooks.done(k, r.entry as ConformProperty, ms, [...extra, ...r.events]);
              else hooks.done(k, r, ms, extra);
            },
          });
        } finally {
          if (stop) clearInterval(stop);
        }
      } finally {
        await pool?.close();
        await Promise.all(opened.map((c) => c.close()));
      }
    },
  };
}

/** The one-thread fallback: run a task here, as the sequential path would. */
async function runHere(t: EntryTask, k: number, impl: AsyncImpl, hooks: Parameters<EntryExecutor['run']>[1], events: string[]): Promise<void> {
  const instead = hooks.before(k);
  if (instead) { hooks.done(k, instead, 0, events); return; }
  const prop = CLAIM_MODULES.find((c) => c.id === t.claim)!.properties.find((q) => q.name === t.property)!;
  const t0 = performance.now();
  const before = impl.events.length;
  const entry = await runConformEntry(prop, impl, t.base, t.runs, t.options, hooks.deadline);
  hooks.done(k, entry, Math.round(performance.now() - t0), [...events, ...impl.events.slice(before)]);
}
