/**
 * The float error bound of CRF node marginals computed by log-domain forward–backward (seq.crf-marginals).
 *
 * Model (either algorithm of src/ops/sequence.ts): the implementation computes α̂_t(j), β̂_t(j) and
 * log Ẑ, each within e = forwardLogZBound(T, L, M, p) of the exact value (the backward recursion is
 * the mirror of the forward one: the same magnitudes, the same per-step error; M bounds every |α|, |β|
 * and |α + A|, src/numerics/bounds.ts). Then
 *   (a) global division: x̂ = fl(fl(α̂ + β̂) − log Ẑ) = x + d with
 *       |d| ≤ 3e + u·2M + u·3M = 3e + 5uM  (|α + β| ≤ 2M, |α + β − log Z| ≤ 3M),
 *       P̂ = fl(exp(x̂)) = e^{x+d}(1 + θ), |θ| ≤ ulps·u, so |P̂ − P| ≤ P·(e^{D}(1 + ulps·u) − 1) + tiny;
 *   (b) row softmax of y_j = α_t(j) + β_t(j) (each ŷ_j within D' = 2e + 2uM of y_j): the shift by the
 *       maximum is exact up to u·4M per entry, each exp relative ulps·u, the sum of L terms γ_{L−1},
 *       the division u: |P̂ − P| ≤ P·(e^{2(D' + 4uM)}(1 + ulps·u)(1 + γ_{L−1})(1 + u) − 1) + (L + 1)·tiny.
 * The bound used is the larger of the two, with D = max(3e + 5uM, 2(2e + 6uM)) in one exponent:
 *   |P̂ − P| ≤ P_hi·(e^{D}(1 + ulps·u)(1 + γ_{L−1})(1 + u) − 1) + (L + 1)·tiny,
 * P_hi the upper end of the exact marginal's enclosure (P ≤ 1 always). The derivation is checked by
 * test/numerics/bounds-crf-marginals.test.ts (a float32 forward–backward passes, a variant that drops
 * the end scores from β fails).
 */
import { forwardLogZBound, type Precision } from './bounds.js';
import { gamma } from './float-format.js';

export function crfMarginalBound(T: number, L: number, M: number, pHi: number, p: Precision): number {
  if (T === 0) return 0;
  const e = forwardLogZBound(T, L, M, p);
  if (!Number.isFinite(e)) return Infinity;
  const u = p.u;
  const D = Math.max(3 * e + 5 * u * M, 2 * (2 * e + 6 * u * M));
  const rel = Math.exp(D) * (1 + 2 ** -50) * (1 + p.ulps * u) * (1 + (L > 1 ? gamma(L - 1, u) : 0)) * (1 + u) - 1;
  return pHi * rel + (L + 1) * p.tiny;
}
