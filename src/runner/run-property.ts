/**
 * Runs one property with fast-check and turns the outcome into a verdict.
 *
 * - `pass`: every generated input satisfied the property (within the derived bound).
 * - `fail`: fast-check found an input that violates it; the input is shrunk to a minimal
 *   counterexample and a replay token (seed + path) is attached.
 * - `error`: the implementation threw on the (shrunk) input.
 * - `unsupported`: the implementation does not provide an op the property needs.
 */
import fc from 'fast-check';
import type { Implementation, PropertyDef, CheckVerdict } from '../registry/types.js';
import { encodeReplay } from './replay-token.js';

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
  /** The input that attained `worstRatio` (fast-check notation, clipped), to see how close to the edge an implementation runs. */
  worstInput?: string;
  seed: number;
  counterexample?: string;
  detail?: string;
  replay?: string;
  shrinks?: number;
}

export interface RunPropertyOptions {
  seed: number;
  runs: number;
  backend: string;
  /** Replay a stored counterexample path. */
  path?: string;
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

export function runProperty(
  claim: string,
  prop: PropertyDef,
  impl: Implementation | null,
  opts: RunPropertyOptions,
): PropertyReport {
  const id = `${claim}/${prop.name}`;
  const base = { id, claim, property: prop.name, kind: prop.kind, seed: opts.seed };
  const missing = missingOps(prop, impl);
  if (missing.length > 0) {
    return { ...base, verdict: 'unsupported', checks: 0, worstRatio: null, detail: `missing op(s): ${missing.join(', ')}` };
  }
  let worst: number | null = null;
  let worstInput: unknown;
  let checks = 0;
  const predicate = (input: unknown): boolean => {
    checks++;
    const out = prop.check(input, impl);
    if (out.ratio !== undefined) {
      const r = Number.isNaN(out.ratio) ? Infinity : out.ratio;
      if (worst === null || r > worst) { worst = r; worstInput = input; }
    }
    return out.ok;
  };
  const details = fc.check(fc.property(prop.arbitrary, predicate), {
    seed: opts.seed,
    numRuns: opts.runs,
    ...(opts.path !== undefined ? { path: opts.path } : {}),
  });
  const worstShown = worst !== null && worst > 0 ? { worstInput: clip(fc.stringify(worstInput), 600) } : {};
  if (!details.failed) {
    return { ...base, verdict: 'pass', checks, worstRatio: worst, ...worstShown };
  }
  const cex = details.counterexample ? details.counterexample[0] : undefined;
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
  return {
    ...base,
    verdict,
    checks,
    worstRatio: worst,
    ...worstShown,
    counterexample: clip(fc.stringify(cex)),
    detail: clip(detail),
    shrinks: details.numShrinks,
    replay: encodeReplay({ property: id, seed: opts.seed, path: details.counterexamplePath ?? '', runs: opts.runs, backend: opts.backend }),
  };
}

export function formatRatio(r: number | null): string {
  if (r === null) return 'exact';
  if (!Number.isFinite(r)) return 'inf';
  if (r === 0) return '0';
  return r.toPrecision(3);
}
