/**
 * Rigorous enclosure of softmax(x)_i = exp(x_i)/Σ_j exp(x_j): the reference tier (outward-rounded
 * interval arithmetic, src/numerics/interval.ts) for n ≤ SOFTMAX_FAST_MIN_N, the fast compensated tier
 * (src/numerics/fast-enclose.ts `softmaxInto`) above, falling back to the reference tier when the
 * fast tier's ranges are left (non-finite or huge logits).
 */
import { Interval, point, softmax } from '../numerics/interval.js';
import { softmaxInto } from '../numerics/fast-enclose.js';

/** Length from which the fast tier is used (the reference tier's O(n²) pairwise form ends at 64). */
export const SOFTMAX_FAST_MIN_N = 65;

export function softmaxEnclosure(x: readonly number[]): Interval[] {
  if (x.length >= SOFTMAX_FAST_MIN_N) {
    const fast = softmaxEnclosureFast(x);
    if (fast !== null) return fast;
  }
  return softmaxEnclosureReference(x);
}

/** Reference tier: interval softmax of the point intervals (pairwise for n ≤ 64, shifted above). */
export function softmaxEnclosureReference(x: readonly number[]): Interval[] {
  return softmax(x.map(point));
}

/** Fast tier, or null when it does not apply (see `softmaxInto`). */
export function softmaxEnclosureFast(x: readonly number[]): Interval[] | null {
  const n = x.length;
  const lo = new Float64Array(n), hi = new Float64Array(n);
  if (!softmaxInto(x, null, n, lo, hi)) return null;
  const out = new Array<Interval>(n);
  for (let i = 0; i < n; i++) out[i] = new Interval(lo[i]!, hi[i]!);
  return out;
}
