/**
 * The conformance gate's report: one entry per (property × dtype) of the implementation under
 * test. Written as JSON (machine), JUnit XML (one test case per op × property), Markdown and a
 * self-contained HTML page (src/conform/report-*.ts).
 */
import type { Dtype } from '../registry/types.js';

/**
 * `suspicious`: every check is within the worst-case bound, but some error exceeds the probabilistic
 * bound (Higham & Mary 2019), which a correct algorithm exceeds only with the small probability the
 * property states. It passes unless `--strict`.
 */
export type ConformStatus = 'pass' | 'suspicious' | 'fail' | 'error' | 'unsupported' | 'xfail' | 'xpass' | 'not-run';

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
  /** Worst observed error / probabilistic bound (the second tier), where the property has one. */
  worstProbRatio?: number;
  /** Worst observed error / derived bound, null for exact properties or when nothing ran. */
  worstRatio: number | null;
  /** The input with the largest error/bound (a JSON value). */
  worstInput?: unknown;
  /** On failure: what the property said about `worstInput`. */
  worstDetail?: string;
  /** error/bound for each generated input in run order (before shrinking), for the plot. */
  ratios: number[];
  seed: number;
  /** The shrunk counterexample (a JSON value; src/runner/counterexample.ts explains the shrink guard). */
  counterexample?: unknown;
  detail?: string;
  /** `subnormal-only`: every failing input had a subnormal value (flush-to-zero territory); `normal-range`: a logic bug shows on ordinary numbers. */
  failureClass?: 'normal-range' | 'subnormal-only';
  /** Replay token and the full command that re-runs exactly this failure. */
  replay?: string;
  replayCommand?: string;
  /** Why it is xfail / xpass / not-run / unsupported. */
  note?: string;
}

export interface ConformReport {
  lemmata: 1;
  command: 'conform' | 'verify' | 'check';
  implementation: {
    name: string;
    /** How it was plugged in: `module` (--impl), `command` (--impl-cmd) or `builtin` (tfjs). */
    kind: 'module' | 'command' | 'builtin';
    /** The --impl path, the --impl-cmd command line, or the backend name. */
    spec: string;
    /** op → dtypes it declared. */
    ops: Record<string, string[]>;
    /** `algorithms`: op → the declared (non-default) algorithm whose own bound judged that op. */
    profile: { elementaryUlps: number; flushToZero: boolean; algorithms?: Record<string, string> };
    /**
     * Where the profile came from: `declared` (the implementation's hello or module export, capped),
     * `strict` (--profile strict: declarations ignored), `backend` (built-in defaults), with any
     * command-line override noted (e.g. `declared + --ulps 8`).
     */
    profileSource: string;
  };
  /** The dtypes run, in order; each selected property has one entry per dtype. */
  dtypes: Dtype[];
  seed: number;
  runs: number | null;
  shard: { index: number; count: number } | null;
  /** The --ops and --claims patterns as given (empty: everything). */
  selection: { ops: string[]; claims: string[] };
  /** --time-budget in seconds, or null. */
  timeBudgetSeconds: number | null;
  /**
   * Present (true) when SIGINT/SIGTERM/SIGHUP stopped the run: properties it cut short are
   * `not-run`, and `events` names the signal (src/conform/process-interrupt.ts).
   */
  interrupted?: boolean;
  properties: ConformProperty[];
  /** Per op: the worst status over its properties. */
  ops: { id: string; status: ConformStatus; properties: number }[];
  summary: Record<ConformStatus, number>;
  /** Infrastructure events (restarts, timeouts, crashes), in order. Deterministic text only. */
  events: string[];
  /** Non-deterministic; excluded when comparing reports. */
  timing: { totalMs: number; perPropertyMs: Record<string, number> };
}

/**
 * Exit codes of `lemmata conform` (README, "Exit codes"):
 *   0  at least one property ran and every one that ran passed (xfail allowed);
 *   1  a property failed, errored, or an expected failure passed (xpass); with --strict also `suspicious`;
 *   2  usage error, or the implementation could not be started (decided by the CLI);
 *   3  incomplete: the time budget left properties not run (or interrupted), unless --allow-partial;
 *   5  nothing ran: the selection was empty or everything selected was unsupported, unless --allow-empty;
 *   130 / 143 / 129  interrupted by SIGINT / SIGTERM / SIGHUP (128 + the signal number; the report is
 *      written, marked `interrupted`; src/conform/process-interrupt.ts).
 * A failure outranks incompleteness, which outranks emptiness.
 */
/** The headline text of declared algorithms: `; declared algorithms: nn.softmax = exp-minus-logsumexp (own bound)`, or ''. */
export function declaredAlgorithmsText(profile: { algorithms?: Record<string, string> }): string {
  const a = Object.entries(profile.algorithms ?? {});
  return a.length ? `; declared algorithms: ${a.map(([op, name]) => `${op} = ${name}`).join(', ')} (own bound)` : '';
}

export const EXIT = { pass: 0, fail: 1, usage: 2, incomplete: 3, empty: 5 } as const;

export function conformExitCode(r: ConformReport, o: { allowEmpty?: boolean; allowPartial?: boolean; strict?: boolean } = {}): number {
  const s = r.summary;
  if (s.fail + s.error + s.xpass > 0) return EXIT.fail;
  if (o.strict && (s.suspicious ?? 0) > 0) return EXIT.fail;
  if (s['not-run'] > 0 && !o.allowPartial) return EXIT.incomplete;
  if (s.pass + (s.suspicious ?? 0) + s.xfail === 0 && !o.allowEmpty) return EXIT.empty;
  return EXIT.pass;
}
