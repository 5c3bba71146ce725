/**
 * Error model of `dec.top-p-filter`: which nucleus sizes a correct floating-point implementation may return.
 *
 * Notation: p_(1) ≥ … ≥ p_(V) the given probabilities (exact values of the floats), c_m = Σ_{i≤m} p_(i),
 * S = c_V (≠ 1 in general after rounding), m(t) = the least m ≥ 1 with c_m ≥ t (m(t) = 1 for t ≤ p_(1),
 * m(t) = V when no prefix reaches t).
 *
 * Descending algorithm: ĉ_m = fl(ĉ_{m−1} + p_(m)); recursive summation of non-negative terms gives
 * |ĉ_m − c_m| ≤ γ_{m−1} c_m ≤ γ_V S (Higham, Accuracy and Stability, §4.2). It returns m̂ = the first m with
 * ĉ_m ≥ p. Then c_m̂ ≥ p − γ_V S, so m̂ ≥ m(p − γ_V S); and c_{m̂−1} < p + γ_V S, so m̂ ≤ m(p + γ_V S).
 *
 * HF ascending removal (TopPLogitsWarper): â_r = the float cumulative sum of the r smallest, remove the
 * largest prefix with â_r ≤ fl(1 − p), keep m̂ = V − r̂ ≥ 1 words. With a_r = S − c_{V−r}, |â_r − a_r| ≤ γ_V S
 * and |fl(1 − p) − (1 − p)| ≤ u: c_m̂ ≥ p + (S − 1) − u − γ_V S and c_{m̂−1} < p + (S − 1) + u + γ_V S.
 *
 * Both are covered by accepting every m̂ with m(p − δ) ≤ m̂ ≤ m(p + δ), δ = γ_V S + u + |S − 1|.
 * The kept words must be a top set (no dropped word more probable than a kept one): sorting errs in
 * no comparison of floats. On dyadic inputs with S = 1 and exact partial sums (multiples of 2^-20, p too),
 * every sum and 1 − p are exact: δ = 0.
 */
import { Rational } from './rational.js';

export function unitRoundoff(dtype: 'float32' | 'float64'): Rational {
  return dtype === 'float32' ? Rational.of(1n, 1n << 24n) : Rational.of(1n, 1n << 53n);
}

/** γ_n = nu/(1 − nu) (Higham's constant), exact. */
export function gammaR(n: number, u: Rational): Rational {
  const nu = u.mul(Rational.fromInt(n));
  return nu.div(Rational.ONE.sub(nu));
}

function dyadic(x: number, q = 20): boolean {
  return Number.isInteger(x * 2 ** q);
}

/** δ of the module comment, exact; 0 on exact-friendly inputs. */
export function toppDelta(probs: readonly number[], p: number, dtype: 'float32' | 'float64'): Rational {
  const S = Rational.sum(probs.map((x) => Rational.fromFloat64(x)));
  if (S.eq(Rational.ONE) && dyadic(p) && probs.every((x) => dyadic(x))) return Rational.ZERO;
  const u = unitRoundoff(dtype);
  return gammaR(probs.length, u).mul(S).add(u).add(S.sub(Rational.ONE).abs());
}

/** m(t): the least m ≥ 1 with c_m ≥ t (V when none), c over the descending exact probabilities. */
export function nucleusSize(sortedDesc: readonly Rational[], t: Rational): number {
  let c = Rational.ZERO;
  for (let m = 1; m <= sortedDesc.length; m++) { c = c.add(sortedDesc[m - 1]!); if (c.ge(t)) return m; }
  return sortedDesc.length;
}
