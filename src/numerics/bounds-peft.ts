/**
 * Error bound of the LoRA merge W = W₀ + (α/r)·B·A (op `peft.lora-merge`).
 *
 * Derivation (Higham, ch. 2–3; |δ| ≤ u per rounding). Let s = α/r, P_ij = Σ_{l<r} B_il A_lj and
 * T_ij = s·P_ij, so W_ij = W₀_ij + T_ij. Every standard algorithm computes T̂_ij as a product of s, B and A
 * with at most r + 2 roundings on each of the r terms:
 *   (a) fl(α/r) then fl(BA) then the scaling: δ₀ (the scale), θ_r (the dot product, Higham (3.5)), δ₁;
 *   (b) fl(s·B) first, then the dot product with A: δ₀, δ₁, θ_r;
 *   (c) fl(α·B), the dot product, then a division by r: δ₁, θ_r, δ₂;
 *   FMA dot products have fewer roundings (covered).
 * Each term of T̂_ij is s·B_il·A_lj·(1 + θ_{r+2}) (Higham Lemma 3.1), hence
 *   |T̂_ij − T_ij| ≤ γ_{r+2}·|s|·Σ_l |B_il A_lj|.
 * The last addition rounds once: Ŵ_ij = (W₀_ij + T̂_ij)(1 + δ), so
 *   |Ŵ_ij − W_ij| ≤ |T̂_ij − T_ij| + u·|W₀_ij + T̂_ij| ≤ u·|W_ij| + (1 + u)·γ_{r+2}·|s|·Σ_l |B_il A_lj|,
 * plus underflow. A rounding that underflows adds an absolute error η, |η| ≤ tiny (gradual underflow, or the
 * flush-to-zero threshold of the backend): in a product or the final sum that is ≤ 2(r + 3)·tiny in all; but an
 * underflow in the *scale* propagates: fl(α/r) = s(1 + δ) + η multiplies every BA term (η·Σ_l|B_il A_lj|),
 * fl(s·B_il) + η multiplies A_lj (η·Σ_l|A_lj|), fl(s·A_lj) + η multiplies B_il (η·Σ_l|B_il|). So the default
 * bound adds (1 + γ_{r+2})·tiny·(Σ_l|B_il A_lj| + Σ_l|A_lj| + Σ_l|B_il|) (an α of 2⁻¹⁴⁹ with r = 4 rounds
 * α/r to 0 and the whole update is lost). In the staged form the products B_il·A_lj underflow *before* the
 * scaling (P̂ = P + e + η with |η| ≤ 2r·tiny), and the scaling multiplies η by |s|: a further |s|·2r·tiny.
 * A fused W₀ + s·B·A (one GEMM with β = 1 and W₀ as the accumulator's start) adds W₀ inside the dot product:
 * the sum of r + 1 terms, γ_{r+3} on Σ|sBA| + |W₀|; covered by the `fused` variant below, which the default
 * bound takes as the maximum with the staged form.
 */
import { gamma } from './float-format.js';
import { SAFETY, type Precision } from './bounds.js';

/** |Ŵ − W| for one entry: w = |W_ij| (exact), w0 = |W₀_ij|, sAbs = |α/r|, sumAbs = Σ_l |B_il A_lj|, rowAbsB = Σ_l|B_il|, colAbsA = Σ_l|A_lj| (upper bounds). */
export function loraMergeBound(r: number, w: number, w0: number, sAbs: number, sumAbs: number, p: Precision, rowAbsB = 0, colAbsA = 0): number {
  const g = gamma(r + 2, p.u);
  const staged = p.u * w + (1 + p.u) * g * sAbs * sumAbs;
  const fused = gamma(r + 3, p.u) * (sAbs * sumAbs + w0);
  const scaleUnderflow = (1 + g) * p.tiny * (sumAbs + rowAbsB + colAbsA) + (1 + g) * sAbs * 2 * r * p.tiny;
  return (Math.max(staged, fused) + scaleUnderflow + 2 * (r + 3) * p.tiny) * SAFETY;
}
