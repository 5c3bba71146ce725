/**
 * Error model of `pre.squad-best-span`: which spans a correct floating-point implementation may return.
 *
 * Derivation. A correct implementation computes ŝ_ij = fl(a_i + b_j) = (a_i + b_j)(1 + δ_ij), |δ_ij| ≤ u
 * (one rounding per sum; the inputs a, b are the dtype's values, so exact in it), and returns a pair (i, j)
 * with ŝ_ij ≥ ŝ_kl for every legal pair (k, l), in particular for an exact maximiser (k*, l*) with score s*.
 * Then s_ij + u|s_ij| ≥ ŝ_ij ≥ ŝ_k*l* ≥ s* − u|s*|, so
 *     s* − s_ij ≤ u (|s_ij| + |s*|).
 * Conversely the slack is attained up to a factor: two pairs whose exact scores differ by less than
 * u·|s| can round to the same float, and either may be returned. Underflow cannot occur in a sum
 * (a sum of floats that is subnormal is exact), overflow is excluded by finite inputs of magnitude
 * ≤ max/2. When every sum is exactly representable (grid inputs), δ = 0 and the slack is 0.
 */
import { Rational } from './rational.js';

/** The slack u(|s_ij| + |s*|) as an exact rational, u = 2^-53 (float64) or 2^-24 (float32); 0 when `exact`. */
export function spanScoreSlack(sij: Rational, sBest: Rational, dtype: 'float32' | 'float64', exact = false): Rational {
  if (exact) return Rational.ZERO;
  const u = dtype === 'float32' ? Rational.of(1n, 1n << 24n) : Rational.of(1n, 1n << 53n);
  return u.mul(sij.abs().add(sBest.abs()));
}

/** Is every sum of an element of `a` and one of `b` exactly representable in the dtype? (Grid test: all values k·2^-e with small k.) */
export function spanSumsExact(a: readonly number[], b: readonly number[], dtype: 'float32' | 'float64'): boolean {
  const bits = dtype === 'float32' ? 24 : 53;
  const all = [...a, ...b];
  // all values multiples of 2^-q with |x| < 2^m: every sum is a multiple of 2^-q below 2^(m+1), exact if m + 1 + q ≤ bits
  let q = 0; let m = 0;
  for (const x of all) {
    if (!Number.isFinite(x)) return false;
    let k = 0; let y = x;
    while (!Number.isInteger(y) && k < 60) { y *= 2; k++; }
    if (!Number.isInteger(y)) return false;
    q = Math.max(q, k);
    m = Math.max(m, Math.ceil(Math.log2(Math.abs(x) + 1)) + 1);
  }
  return m + 1 + q <= bits;
}
