/**
 * Runs one property with fast-check and turns the outcome into a verdict.
 *
 * - `pass`: every generated input satisfied the property (within the derived bound).
 * - `fail`: fast-check found an input that violates it; the input is shrunk to a minimal
 *   counterexample and a replay token (seed + path) is attached.
 * - `error`: the implementation threw on the (shrunk) input, or returned a result that does not
 *   match the op's schema (src/ops/schema-check.ts).
 * - `unsupported`: the implementation does not provide an op the property needs.
 */
import fc from 'fast-check';
import type { Implementation, PropertyDef, CheckVerdict } from '../registry/types.js';
import { encodeReplay } from './replay-token.js';
import { opById } from '../ops/index.js';
import { validateResult } from '../ops/schema-check.js';
import { guardAcceptsRatio, guardRejectsInput, classifyFirstFailureSync, hasSubnormal, flushSubnormals, toJsonValue, NO_GUARD, type ShrinkGuard, type FailureClass } from './counterexample.js';

export interface PropertyReport {
  /** `<claim>/<property>` */
  id: string;
  claim: string;
  property: string;
  kind: PropertyDef['kind'];
  verdict: CheckVerdict;
  /** Inputs evaluated (including shrinking steps on failure). */
  checks: number;
  /** Worst observed error / bound over the evaluated inputs, or null for exact properties. */
  worstRatio: number | null;
  /** Worst observed error / probabilistic bound, where the property has one. */
  worstProbRatio?: number;
  /** The input that attained `worstRatio` (a JSON value), to see how close to the edge an implementation runs. */
  worstInput?: unknown;
  /** On failure: what the property said about `worstInput` (the largest error/bound seen). */
  worstDetail?: string;
  seed: number;
  /** The shrunk counterexample (a JSON value). */
  counterexample?: unknown;
  detail?: string;
  /** `subnormal-only` when every failing input before shrinking had a subnormal value (src/runner/counterexample.ts). */
  failureClass?: FailureClass;
  replay?: string;
  shrinks?: number;
}

export interface RunPropertyOptions {
  seed: number;
  runs: number;
  backend: string;
  /** Replay a stored counterexample path. */
  path?: string;
  /** The shrink guard to replay with (from the token). */
  guard?: ShrinkGuard;
}

const MAX_PRINTED = 2000;

function clip(s: string, max = MAX_PRINTED): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length} chars)`;
}

function missingOps(prop: PropertyDef, impl: Implementation | null): string[] {
  const need = prop.ops ?? [];
  if (need.length === 0) return [];
  if (!impl) return need;
  return need.filter((op) => typeof impl.ops[op] !== 'function');
}

/**
 * The implementation as the properties see it: every result of a catalogue op is validated against
 * the op's schema (src/ops/schema-check.ts) first; a result that does not match throws, so the
 * property ends `error` with the message.
 */
export function validating(impl: Implementation): Implementation {
  const ops = Object.fromEntries(Object.entries(impl.ops).map(([op, fn]) => [op, opById(op) === undefined ? fn : (args: unknown) => {
    const result = fn(args);
    const problem = validateResult(op, args, result, impl.dtype);
    if (problem !== null) throw new Error(`invalid result from ${op}: ${problem}`);
    return result;
  }]));
  return { ...impl, ops };
}

export function runProperty(
  claim: string,
  prop: PropertyDef,
  implementation: Implementation | null,
  opts: RunPropertyOptions,
): PropertyReport {
  const id = `${claim}/${prop.name}`;
  const base = { id, claim, property: prop.name, kind: prop.kind, seed: opts.seed };
  const missing = missingOps(prop, implementation);
  if (missing.length > 0) {
    return { ...base, verdict: 'unsupported', checks: 0, worstRatio: null, detail: `missing op(s): ${missing.join(', ')}` };
  }
  const impl = implementation && validating(implementation);
  let worst: number | null = null;
  let worstProb: number | undefined;
  let worstInput: unknown;
  let checks = 0;
  // The first failure fixes the shrink guard (or the replay token carries it); inputs that failed
  // before shrinking started decide the failure class.
  let guard: ShrinkGuard | null = opts.guard ?? null;
  let failureClass: FailureClass | undefined;
  let shrinking = false; // on replay too: the path's value is accepted as the first failure, as in the original run
  const ratioOf = (o: { ratio?: number }) => (o.ratio === undefined ? undefined : Number.isNaN(o.ratio) ? Infinity : o.ratio);
  const predicate = (input: unknown): boolean => {
    if (shrinking && guard !== null && guardRejectsInput(guard, input)) return true; // cannot be accepted: not evaluated
    checks++;
    const out = prop.check(input, impl);
    const r = ratioOf(out);
    if (r !== undefined && (worst === null || r > worst)) { worst = r; worstInput = input; }
    if (out.probRatio !== undefined) { const pr = Number.isNaN(out.probRatio) ? Infinity : out.probRatio; if (worstProb === undefined || pr > worstProb) worstProb = pr; }
    if (out.ok) return true;
    if (!shrinking) {
      shrinking = true;
      const c = classifyFirstFailureSync(input, r, (flushed) => {
        try { const o = prop.check(flushed, impl); return { failed: !o.ok, ...(ratioOf(o) !== undefined ? { ratio: ratioOf(o)! } : {}) }; } catch { return null; }
      });
      failureClass = c.failureClass;
      guard ??= c.guard;
      return false;
    }
    return !guardAcceptsRatio(guard ?? NO_GUARD, r); // its subnormals were checked before it was evaluated
  };
  const details = fc.check(fc.property(prop.arbitrary, predicate), {
    seed: opts.seed,
    numRuns: opts.runs,
    ...(opts.path !== undefined ? { path: opts.path } : {}),
  });
  const worstShown = { ...(worst !== null && worst > 0 ? { worstInput: toJsonValue(worstInput) } : {}), ...(worstProb !== undefined ? { worstProbRatio: worstProb } : {}) };
  if (!details.failed) {
    return { ...base, verdict: 'pass', checks, worstRatio: worst, ...worstShown };
  }
  let cex = details.counterexample ? details.counterexample[0] : undefined;
  // Shrinking could not leave the subnormal range (every candidate kept a subnormal value): report
  // the shrunk input with its subnormals flushed to zero, when that still fails.
  if (guard?.noSubnormal && hasSubnormal(cex)) {
    const flushed = flushSubnormals(cex);
    try { if (!prop.check(flushed, impl).ok) cex = flushed; } catch { /* keep the shrunk input */ }
  }
  let verdict: CheckVerdict = 'fail';
  let detail: string;
  try {
    const again = prop.check(cex, impl);
    detail = again.detail ?? (again.ok ? 'passed on re-evaluation (non-deterministic implementation?)' : 'property violated');
    if (again.ratio !== undefined) detail += ` [error/bound = ${formatRatio(again.ratio)}]`;
  } catch (e) {
    verdict = 'error';
    detail = `implementation threw: ${e instanceof Error ? e.message : String(e)}`;
  }
  let worstDetail: string | undefined;
  if (worst !== null && worst > 1 && worstInput !== cex) {
    try {
      const w = prop.check(worstInput, impl);
      worstDetail = `${w.detail ?? ''} [error/bound = ${formatRatio(w.ratio ?? null)}]`;
    } catch { /* reported through the shrunk counterexample */ }
  }
  const g = guard ?? NO_GUARD;
  return {
    ...base,
    verdict,
    checks,
    worstRatio: worst,
    ...worstShown,
    ...(worstDetail !== undefined ? { worstDetail: clip(worstDetail) } : {}),
    counterexample: toJsonValue(cex),
    detail: clip(detail),
    ...(verdict === 'fail' ? { failureClass: failureClass ?? (guard && !guard.noSubnormal && hasSubnormal(cex) ? 'subnormal-only' : 'normal-range') } : {}),
    shrinks: details.numShrinks,
    replay: encodeReplay({ property: id, seed: opts.seed, path: details.counterexamplePath ?? '', runs: opts.runs, backend: opts.backend, guard: [g.noSubnormal ? 1 : 0, g.minRatio] }),
  };
}

export function formatRatio(r: number | null): string {
  if (r === null) return 'exact';
  if (!Number.isFinite(r)) return 'inf';
  if (r === 0) return '0';
  return r.toPrecision(3);
}
