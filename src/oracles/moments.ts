/**
 * Exact Gaussian moments (seed 002_606757b0cdfd2eb0.txt, HW9 Topic 1, lines 665–684).
 * For X ~ N(μ, σ²): m_0 = 1, m_1 = μ, m_j = μ m_{j−1} + (j − 1)σ² m_{j−2} (Stein's identity),
 * all rational when μ and σ² are.
 */
import { Rational } from '../numerics/rational.js';

export function gaussianMoment(j: number, mu: Rational, s2: Rational): Rational {
  let a = Rational.ONE;
  if (j === 0) return a;
  let b = mu;
  for (let i = 2; i <= j; i++) [a, b] = [b, mu.mul(b).add(Rational.fromInt(i - 1).mul(s2).mul(a))];
  return b;
}

/**
 * E[(qᵀk)^m] for m ∈ {1, 2}, q_i ~ N(μq_i, σq²), k_i ~ N(μk_i, σk²) all independent, computed by
 * expanding the polynomial (Σ_i q_i k_i)^m into monomials and taking expectations factor by factor
 * with `gaussianMoment` — deliberately not using any variance formula.
 */
export function dotProductMoment(m: 1 | 2, muQ: Rational[], muK: Rational[], s2q: Rational, s2k: Rational): Rational {
  const d = muQ.length;
  let total = Rational.ZERO;
  if (m === 1) {
    for (let i = 0; i < d; i++) total = total.add(gaussianMoment(1, muQ[i]!, s2q).mul(gaussianMoment(1, muK[i]!, s2k)));
    return total;
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      if (i === j) {
        total = total.add(gaussianMoment(2, muQ[i]!, s2q).mul(gaussianMoment(2, muK[i]!, s2k)));
      } else {
        total = total.add(gaussianMoment(1, muQ[i]!, s2q).mul(gaussianMoment(1, muQ[j]!, s2q))
          .mul(gaussianMoment(1, muK[i]!, s2k)).mul(gaussianMoment(1, muK[j]!, s2k)));
      }
    }
  }
  return total;
}

/** The closed form under test: E = μqᵀμk, Var = dσq²σk² + σq²‖μk‖² + σk²‖μq‖². */
export function dotProductClosedForm(muQ: Rational[], muK: Rational[], s2q: Rational, s2k: Rational): { mean: Rational; variance: Rational } {
  const d = muQ.length;
  const dot = Rational.sum(muQ.map((a, i) => a.mul(muK[i]!)));
  const nq = Rational.sum(muQ.map((a) => a.mul(a)));
  const nk = Rational.sum(muK.map((a) => a.mul(a)));
  return { mean: dot, variance: Rational.fromInt(d).mul(s2q).mul(s2k).add(s2q.mul(nk)).add(s2k.mul(nq)) };
}
