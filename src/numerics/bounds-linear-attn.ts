/**
 * Forward-error bound of `attn.linear` (kernelised linear attention with the degree-2 polynomial kernel,
 * src/ops/attention.ts): out_i = N_i / Z_i, N_i = Σ_j w_ij v_j, Z_i = Σ_j w_ij, w_ij = (q_i·k_j + 1)².
 *
 * Majorant. Let a_ij = Σ_l |q_il k_jl| and A_ij = (1 + a_ij)². Every term of every standard algorithm is
 * bounded by A_ij: the features satisfy Σ_a sq_a|m_a(q)||m_a(k)| = (1 + a)² (sq_a ∈ {1, 2} the squared
 * coefficients of φ), and |q·k + 1| ≤ 1 + a.
 *
 * (Q) quadratic algorithm: ŝ = fl(q·k) has |ŝ − s| ≤ γ_D·a (any order; FMA only removes roundings),
 *   σ̂ = fl(ŝ + 1) = (σ + e)(1 + δ) with σ = s + 1, so |σ̂ − σ| ≤ γ_{D+1}(1 + a); then
 *   |σ̂² − σ²| = |σ̂ − σ||σ̂ + σ| ≤ γ_{D+1}(2 + γ_{D+1})(1 + a)², and the rounding of the square adds
 *   u·σ̂² ≤ u(1 + γ_{D+1})²(1 + a)²: in all |ŵ − w| ≤ ((1 + γ_{D+1})²(1 + u) − 1)·A ≤ γ_{2D+3}·A.
 *   The products ŵ·v_j and the sum over j (≤ S terms, any order) add γ_S relative to Σ|ŵ||v|:
 *   |N̂ − N| ≤ (γ_{2D+3} + γ_S(1 + γ_{2D+3}))·Σ_j A_ij|v_j| ≤ γ_{S+2D+3}·Ñ_i, and |Ẑ − Z| ≤ γ_{S+2D+3}·Z̃_i
 *   with Ñ_i = Σ_j A_ij|v_j|, Z̃_i = Σ_j A_ij.
 * (F) feature-map algorithm: each term φ_a(q)φ_a(k_j)v_j of N passes through ≤ 3 roundings for φ_a(k) (fl(√2),
 *   the product x_ix_j, the scaling), 1 for ·v_j, the sum over j (≤ S − 1 sequentially, ≤ 2⌈log₂S⌉ ≤ S + 1 in a
 *   parallel prefix scan), ≤ 3 for φ_a(q), 1 for the product with φ_a(q), and the sum over the F = (D + 1)(D + 2)/2
 *   features (F − 1): at most 2S + F + 8 factors (1 + δ), so |N̂ − N| ≤ γ_{2S+F+8}·Ñ_i, likewise Z.
 * K = 2S + max(F, 2D + 3) + 8 covers both (Higham, Lemma 3.1 and §3.1 for the products of (1 + δ)).
 *
 * Division. With ΔN ≤ γ_K·Ñ, ΔZ ≤ γ_K·Z̃ and Z > ΔZ:
 *   |N̂/Ẑ − N/Z| = |(N̂ − N)Z − N(Ẑ − Z)|/(ẐZ) ≤ (ΔN + |o|·ΔZ)/(Z − ΔZ) =: E₁ (o = N/Z),
 * and the division (or the reciprocal and a product: 2 roundings) adds γ₂(|o| + E₁). When Z ≤ ΔZ the computed
 * denominator may be 0 or of either sign: no float algorithm is obliged to succeed (ill-posed, any output accepted).
 * Underflow: each of the ≤ K·S·(F + 1) products may lose p.tiny absolutely; that enters N and Z as at most
 * K·S·(F + 1)·p.tiny·(1 + max|v|), divided by Z − ΔZ.
 */
import { gamma } from './float-format.js';
import { SAFETY, type Precision } from './bounds.js';

export interface LinearAttnRowData {
  /** S (keys summed over for this row, ≤ the number of keys) and D, M. */
  keys: number; D: number;
  /** Z_i rounded down (> 0), Z̃_i = Σ_j A_ij rounded up, Ñ_ic = Σ_j A_ij|v_jc| rounded up, |o_ic| rounded up, max_j|v_jc|. */
  zLo: number; zTilde: number; nTilde: number[]; absOut: number[]; vMax: number;
  /** Total number of keys S (the scan depth of the prefix sums). */
  S: number;
}

/** The term count K of the derivation. */
export function linearAttnTermCount(S: number, D: number): number {
  const F = ((D + 1) * (D + 2)) / 2;
  return 2 * S + Math.max(F, 2 * D + 3) + 8;
}

/** Per-entry bounds of row i, or null when the row is ill-posed in this precision (Z ≤ ΔZ). */
export function linearAttnRowBounds(r: LinearAttnRowData, p: Precision): number[] | null {
  const K = linearAttnTermCount(r.S, r.D);
  const g = gamma(K, p.u);
  const F = ((r.D + 1) * (r.D + 2)) / 2;
  const dZ = g * r.zTilde * SAFETY;
  const under = K * r.S * (F + 1) * p.tiny * (1 + r.vMax);
  const den = (r.zLo - dZ - under) / SAFETY;
  if (!(den > 0)) return null;
  const g2 = gamma(2, p.u);
  return r.nTilde.map((nt, c) => {
    const e1 = ((g * nt + r.absOut[c]! * dZ) * SAFETY + under * (1 + r.absOut[c]!)) / den;
    return (e1 + g2 * (r.absOut[c]! + e1)) * SAFETY * SAFETY + p.tiny;
  });
}
