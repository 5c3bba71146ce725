/**
 * The conformance gate's report: one entry per (property × dtype) of the implementation under
 * test. Written as JSON (machine), JUnit XML (one test case per op × property), Markdown and a
 * self-contained HTML page (src/conform/report-*.ts).
 */
import type { Dtype } from '../registry/types.js';

export type ConformStatus = 'pass' | 'fail' | 'error' | 'unsupported' | 'xfail' | 'xpass' | 'not-run';

export interface ConformProperty {
  /** `<claim>/<property>` */
  id: string;
  claim: string;
  property: string;
  kind: 'identity' | 'conformance' | 'metamorphic';
  description: string;
  /** The ops this property calls (its "op × property" test case is keyed by ops.join('+')). */
  ops: string[];
  dtype: Dtype;
  status: ConformStatus;
  /** Inputs evaluated, shrinking included. */
  checks: number;
  /** Worst observed error / derived bound, null for exact properties or when nothing ran. */
  worstRatio: number | null;
  worstInput?: string;
  /** error/bound for each generated input in run order (before shrinking), for the plot. */
  ratios: number[];
  seed: number;
  counterexample?: string;
  detail?: string;
  /** Replay token and the full command that re-runs exactly this failure. */
  replay?: string;
  replayCommand?: string;
  /** Why it is xfail / xpass / not-run / unsupported. */
  note?: string;
}

export interface ConformReport {
  lemmata: 1;
  command: 'conform';
  implementation: {
    name: string;
    /** How it was plugged in: `module` (--impl), `command` (--impl-cmd) or `builtin` (tfjs). */
    kind: 'module' | 'command' | 'builtin';
    /** The --impl path, the --impl-cmd command line, or the backend name. */
    spec: string;
    /** op → dtypes it declared. */
    ops: Record<string, string[]>;
    profile: { elementaryUlps: number; flushToZero: boolean };
  };
  dtype: Dtype;
  seed: number;
  runs: number | null;
  shard: { index: number; count: number } | null;
  properties: ConformProperty[];
  /** Per op: the worst status over its properties. */
  ops: { id: string; status: ConformStatus; properties: number }[];
  summary: Record<ConformStatus, number>;
  /** Infrastructure events (restarts, timeouts, crashes), in order. Deterministic text only. */
  events: string[];
  /** Non-deterministic; excluded when comparing reports. */
  timing: { totalMs: number; perPropertyMs: Record<string, number> };
}

/** Exit code of a conform run: 0 all pass (xfail allowed), 1 any fail/error/xpass, 2 is for usage/infrastructure and is decided by the CLI. */
export function conformExitCode(r: ConformReport): 0 | 1 {
  const s = r.summary;
  return s.fail + s.error + s.xpass > 0 ? 1 : 0;
}
