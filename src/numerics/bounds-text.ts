/**
 * Error bounds of the text-statistics ops.
 *
 * text.ngram-prob: the estimate p = (c + k)/(h + k·V) with integer counts c, h < 2^24 and V
 * (exact in float32 and float64). Computed in a precision with unit roundoff u, every standard
 * algorithm performs at most five roundings, each a relative perturbation (1 + δ), |δ| ≤ u:
 *   c + k (1), k·V (1), h + k·V (1), and the division (1) — or the reciprocal and the product (2).
 * Hence p̂ = p·Π(1 + δ_i)^{±1} over at most 5 factors, and by Higham Lemma 3.1
 * |p̂ − p| ≤ γ_5·|p|, γ_5 = 5u/(1 − 5u). Underflow cannot occur (p ≥ 1/(h + kV) or p = 0), but
 * one tiny is added for a k so small that k·V underflows. When k = 0 and the history is unseen
 * the result is exactly 0 by convention (bound 0 + tiny).
 */
import { gamma } from './float-format.js';
import { SAFETY, type Precision } from './bounds.js';

export function ngramProbBound(p: number, prec: Precision): number {
  return (gamma(5, prec.u) * Math.abs(p) + 2 * prec.tiny) * SAFETY;
}

/**
 * text.perplexity: PPL = exp(H), H = −(1/N) Σ ln p_i ≥ 0, computed in unit roundoff u with
 * elementary functions within e ulps (ulp(x) ≤ 2u|x|, so relative 2e·u):
 *   ln p_i: absolute error ≤ 2e·u·|ln p_i|; the sum of N terms (any order): γ_{N−1}·Σ|ln p_i| (all
 *   terms have one sign, Σ|ln p_i| = N·H); the division by N: u·H; in base 2 the conversion
 *   (a rounded ln 2 and one multiply or divide): 2u·H more. Together |Ĥ − H| ≤ γ_{N+2e+3}·H.
 *   exp (or exp2) of Ĥ: relative 2e·u. Hence |PPL^ − PPL| ≤ PPL·(expm1(γ_{N+2e+3}·H)·(1 + 2e·u) + 2e·u).
 * The "product then root" algorithm is covered only while Π p_i does not underflow.
 */
export function perplexityBound(ppl: number, H: number, N: number, prec: Precision): number {
  const e = 2 * prec.ulps * prec.u;
  return ppl * (Math.expm1(gamma(N + 2 * prec.ulps + 3, prec.u) * H) * (1 + e) + e) * SAFETY + prec.tiny;
}
