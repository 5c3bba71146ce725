/**
 * Forward-error bound models of the general attention ops (attn.attention, attn.rope,
 * attn.sinusoidal-pe), each with its derivation. u = unit roundoff, γ_k = ku/(1 − ku), `ulps` the
 * elementary-function allowance of the precision (a result within `ulps` ulps: relative error
 * ≤ 2·ulps·u, as in `attentionRowBounds`), tiny = the underflow allowance.
 */
import { SAFETY, TINY, UNIT_ROUNDOFF, type Precision } from './bounds.js';
import { gamma } from './float-format.js';

/**
 * Relative error of a computed frequency θ̂_i = base^{−2i/d} over the standard algorithms:
 * exp(x) with x = −(2i/d)·ln base formed in the dtype (ln base within the elementary allowance,
 * 2i/d and the product each one rounding: |x̂ − x| ≤ |x|·γ_{2·ulps+2}), pow(base, −2i/d) (the
 * exponent rounded once: |x|·u) or 1/base^{2i/d} (one more rounding), then exp/pow within the
 * allowance: θ̂ = θ·e^{x̂−x}(1 ± 2·ulps·u)(1 ± u), so
 *   |θ̂/θ − 1| ≤ e^{a}(1 + 2·ulps·u)(1 + u) − 1,  a = |x|·γ_{2·ulps+2}.
 * θ_0 = 1 exactly (x = 0: every algorithm returns 1).
 */
export function frequencyRelError(i: number, d: number, base: number, p: Precision): number {
  if (i === 0) return 0;
  const x = (2 * i / d) * Math.log(base) * (1 + 2 ** -50);
  const a = x * gamma(2 * p.ulps + 2, p.u);
  return (Math.exp(a) * (1 + 2 * p.ulps * p.u) * (1 + p.u) - 1) * SAFETY;
}

/**
 * Absolute error of a computed sin or cos of pos·θ_i: the angle fl(pos·θ̂_i) (pos exact in the
 * dtype) errs by |pos·θ_i|·((1 + rel_θ)(1 + u) − 1); sin and cos are 1-Lipschitz, and the function
 * itself adds ≤ 2·ulps·u·|result| ≤ 2·ulps·u plus an underflow allowance. At pos = 0 the angle is
 * exactly 0 and cos 0 = 1, sin 0 = 0 exactly (every libm): 0.
 */
export function trigValueBound(pos: number, i: number, d: number, base: number, p: Precision): number {
  if (pos === 0) return 0;
  const theta = Math.exp(-(2 * i / d) * Math.log(base)) * (1 + 2 ** -40);
  const angleErr = Math.abs(pos) * theta * ((1 + frequencyRelError(i, d, base, p)) * (1 + p.u) - 1);
  return (angleErr + 2 * p.ulps * p.u + 2 * p.tiny) * SAFETY;
}

/**
 * RoPE output entry x_a·ĉ − x_b·ŝ (or x_b·ĉ + x_a·ŝ) with |ĉ − c|, |ŝ − s| ≤ E (`trigValueBound`):
 * the products and the sum (FMA or not) give γ_2 on |x_a ĉ| + |x_b ŝ| ≤ (|x_a| + |x_b|)(1 + E), so
 *   |ô − o| ≤ (|x_a| + |x_b|)·(E + γ_2(1 + E)) + 4·tiny.
 * At pos = 0 the output is x exactly (x·1 − y·0): 0.
 */
export function ropeEntryBound(xa: number, xb: number, pos: number, i: number, d: number, base: number, p: Precision): number {
  if (pos === 0) return 0;
  const E = trigValueBound(pos, i, d, base, p);
  return ((Math.abs(xa) + Math.abs(xb)) * (E + gamma(2, p.u) * (1 + E)) + 4 * p.tiny) * SAFETY;
}

/**
 * Error of one score of the general attention form before the softmax (the input error e_j of
 * `attentionRowBounds`), given Σ|q_i k_i| = `absDot`, d, the scale and its enclosure magnitude:
 *   scaled dot product: default scale 1/√d — γ_{d+6}·absDot/√d: divide by fl(√d), multiply by
 *     fl(1/√d) or pre-scale Q (as `sdpaBoundsP`, ≤ 3 roundings besides the dot product's γ_d), or
 *     ONNX's reference split scale: Q and K each times r̂ = fl(√fl(1/fl(√d))) — r̂² = (1/√d)(1 + θ₄)
 *     (1/fl(√d): 2 roundings, its square root halves them and adds one: r̂ = r(1 + θ₂), squared θ₄),
 *     plus the two products q_i·r̂, k_i·r̂: θ₆ per term, then the dot product: γ_{d+6};
 *     a given scale σ (exact in the dtype) — one product after the dot product, Q pre-scaled by σ
 *     (one rounding per term), or the split scale fl(√σ) on Q and K (θ₂ squared, two products: θ₄):
 *     γ_{d+4}·|σ|·absDot; plus 2d·tiny for underflowing products, and, when `absSum` = Σ(|q_i| + |k_i|) is
 *     given, the underflow of a pre-scaled operand: fl(x·r) = x·r(1 + δ) + ε with |ε| ≤ tiny, and ε is then
 *     multiplied by the other operand, at most max(1, r̂)(1 + u)|y| + tiny (r̂ = fl(√σ) on Q and K, or 1 when
 *     only Q is scaled): + tiny·max(1, r̂)(1 + 4u)·absSum + d·tiny. Without it a correct split-scale
 *     computation fails: q = 104, k = 5·2⁻¹⁴⁹, σ = 0.1 in float32 gives fl(k·r̂) = 2·2⁻¹⁴⁹ and a score
 *     9.2e-44 where the exact one is 7.3e-44, 7 times the products-only allowance;
 *   softcap c: ŝ₂ = fl(c·tanh(fl(ŝ₁/c))) (or ŝ₁·fl(1/c): one more rounding): tanh is 1-Lipschitz, so
 *     |ŝ₂ − s₂| ≤ E₁ + 2u(|s₁| + E₁) + (2·ulps + 1)·u·|ŝ₂|(1 + u), |ŝ₂| ≤ min(c, |s₁| + E₁)·(1 + γ_1);
 *     in the subnormal range the quotient (and tanh of it) are off by up to tiny each in absolute terms,
 *     which the product by c scales: + 2c·tiny (tfjs cpu: ŝ₁ = −9.2·2⁻¹⁴⁹, c = 18 gave 0);
 *   bias b: one rounding of ŝ₂ + b: E₃ = E₂ + u(|s₂| + E₂ + |b|).
 * `sMag` bounds |s₁| (the enclosure's magnitude).
 */
export function attentionScoreError(
  absDot: number, d: number, sMag: number, p: Precision, o: { scale?: number; softcap?: number; bias?: number; exactDot?: boolean; absSum?: number },
): number {
  let E: number;
  if (o.exactDot) E = 2 * p.tiny;
  else if (o.scale === undefined) E = gamma(d + 6, p.u) * absDot * (1 + 2 ** -50) / Math.sqrt(d) + 2 * d * p.tiny;
  else E = gamma(d + 4, p.u) * Math.abs(o.scale) * absDot * (1 + 2 ** -50) + 2 * d * p.tiny;
  if (!o.exactDot && o.absSum !== undefined) {
    const rHat = Math.sqrt(o.scale === undefined ? 1 / Math.sqrt(d) : Math.abs(o.scale)) * (1 + 2 ** -20);
    E += p.tiny * Math.max(1, rHat) * (1 + 4 * p.u) * o.absSum + d * p.tiny;
  }
  let mag = sMag;
  if (o.softcap !== undefined && o.softcap > 0) {
    const s2 = Math.min(o.softcap, mag + E) * (1 + gamma(1, p.u));
    E = E + 2 * p.u * (mag + E) + (2 * p.ulps + 1) * p.u * s2 * (1 + p.u) + 2 * p.tiny + 2 * o.softcap * p.tiny;
    mag = Math.min(o.softcap, mag);
  }
  if (o.bias !== undefined) E = E + p.u * (mag + E + Math.abs(o.bias));
  return E * SAFETY;
}

/**
 * The precision of an attention computed on float16 data (ONNX Attention with float16 tensors:
 * onnxruntime's and ONNX's reference, float16 storage with float16 or float32 arithmetic):
 * every bound model above counts roundings, each with |δ| ≤ u; a rounding to float16 has
 * |δ| ≤ 2⁻¹¹ and one to float32 (or float64) a smaller one, so the models hold with u = 2⁻¹¹ for
 * any mix of the two, as long as a chain of k float32 roundings followed by one cast to float16
 * is covered by k float16 roundings: (1 + u₃₂)^k(1 + u₁₆) ≤ (1 + u₁₆)^k for k ≥ 2 (k·u₃₂ + u₁₆ +
 * O(u²) ≤ k·u₁₆ as u₁₆ = 2¹³u₃₂) — every chain of the attention models has k ≥ 2 (scores: the
 * dot product plus the scale; the softmax: exp and a division; the output: a product and a sum),
 * the present key/value are copied exactly. Underflow: one float16 subnormal step, 2⁻²⁴ (`TINY`).
 * The elementary allowance stays the run's (`ulps` ulps of float16 are wider than of float32).
 * Overflow is not modelled: scores, row sums (≤ N) and outputs must stay below 65504.
 */
export function float16Storage(p: Precision): Precision {
  return { u: Math.max(p.u, UNIT_ROUNDOFF.float16), tiny: Math.max(p.tiny, TINY.float16), ulps: p.ulps };
}
