/**
 * SIGINT / SIGTERM / SIGHUP during `lemmata conform`: stop the implementation (its whole process
 * group: SIGTERM, then SIGKILL after the grace period), let the run wind down at once — every call
 * not yet answered gets the `INTERRUPTED` error, so every property not finished ends quickly —
 * then mark the report `interrupted: true`, turn the properties the interrupt cut short into
 * `not-run`, write it (atomically) and exit with 128 + the signal number (130, 143, 129).
 *
 * A second signal exits at once (after SIGKILL to every live group) without writing a report; the
 * report files on disk are then the previous complete set (they are replaced atomically). If the
 * run has not wound down after FORCE_EXIT_MS (e.g. an in-process implementation stuck in a long
 * synchronous computation), the runner does the same.
 */
import type { AsyncImpl, BatchItem } from './async-impl.js';
import type { ConformReport } from './types.js';
import { summarize } from './merge.js';
import { killAllNow, setSignalController, SIGNAL_EXIT_CODES, terminateAll } from './process-group.js';

/** After a first signal: the longest the runner takes to wind down and write the interrupted report. */
export const FORCE_EXIT_MS = 10_000;

const message = (sig: string) => `run interrupted by ${sig}`;

export class RunInterrupt {
  /** The signal received, or null. */
  signal: NodeJS.Signals | null = null;
  private remove: () => void;
  private force: NodeJS.Timeout | null = null;

  private constructor() {
    this.remove = setSignalController((sig) => this.onSignal(sig));
  }

  /** Route the runner's termination signals to this run. */
  static install(): RunInterrupt {
    return new RunInterrupt();
  }

  private onSignal(sig: NodeJS.Signals): void {
    const code = SIGNAL_EXIT_CODES[sig] ?? 2;
    if (this.signal) {
      killAllNow();
      process.exit(code);
    }
    this.signal = sig;
    process.stderr.write(`lemmata conform: ${sig}: stopping the implementation; writing an interrupted report (again to quit at once)\n`);
    void terminateAll();
    this.force = setTimeout(() => {
      process.stderr.write(`lemmata conform: the run did not stop within ${FORCE_EXIT_MS / 1000} s of ${sig}; exiting without a new report\n`);
      killAllNow();
      process.exit(code);
    }, FORCE_EXIT_MS);
    this.force.unref();
  }

  /** The exit code for the signal received (128 + its number). */
  exitCode(): number {
    return this.signal ? SIGNAL_EXIT_CODES[this.signal] ?? 2 : 0;
  }

  /**
   * The implementation seen by the run: once a signal arrived, every call answers `INTERRUPTED`.
   * Each call also yields to the event loop once, so that a signal is noticed even while an
   * in-process implementation answers every call synchronously.
   */
  wrap(impl: AsyncImpl): AsyncImpl {
    const stopped = (n: number): BatchItem[] => Array.from({ length: n }, () => ({ error: message(this.signal!), infrastructure: true }));
    return {
      ...impl,
      callBatch: async (op, dtype, batch) => {
        if (!this.signal) await new Promise<void>((r) => setImmediate(r));
        if (this.signal) return stopped(batch.length);
        const r = await impl.callBatch(op, dtype, batch);
        return this.signal ? stopped(batch.length) : r;
      },
      close: () => impl.close(),
    };
  }

  /** After a signal: mark the report interrupted and make the properties it cut short `not-run`. */
  finish(r: ConformReport): ConformReport {
    if (!this.signal) return r;
    const why = message(this.signal);
    r.interrupted = true;
    r.properties = r.properties.map((p) => {
      if (p.detail !== why) return p;
      const { counterexample: _c, detail: _d, replay: _r, replayCommand: _rc, worstInput: _w, ...rest } = p;
      return { ...rest, status: 'not-run' as const, note: `${why} before it finished` };
    });
    Object.assign(r, summarize(r.properties));
    r.events = [...r.events, `${why}: the implementation was stopped; unfinished properties are not-run`];
    return r;
  }

  /** Give the signals back (default handling: terminate the groups, then die of the signal). */
  dispose(): void {
    this.remove();
    if (this.force) clearTimeout(this.force);
  }
}
