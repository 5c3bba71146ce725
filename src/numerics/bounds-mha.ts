/**
 * Error bounds of multi-head attention with projections (`attn.mha`, src/ops/attention.ts): the
 * composition in-projections → per-head attention → concatenation → out-projection.
 *
 * Derivation. Exact values Q = XWqᵀ + bq (and K, V alike), O_h = softmax(Q_hK_hᵀ/√dh + M)V_h,
 * Y = [O_1 … O_H]Woᵀ + bo; an implementation computes Q̂, K̂, V̂, Ô, Ŷ in precision u.
 *  1. Projection entry: a dot product of length n plus a bias, n + 1 terms summed in any order (FMA or
 *     not, blocked or packed [Wq; Wk; Wv]): |Q̂_ij − Q_ij| ≤ γ_{n+1}(Σ_l|x_l w_jl| + |b_j|) =: δq_ij
 *     (`projectionError`), plus (n + 1)·tiny for underflow.
 *  2. Scores from perturbed inputs: with q̂ = q + Δq, k̂ = k + Δk,
 *     |q̂·k̂ − q·k| ≤ Σ_i (δq_i|k_i| + |q_i|δk_i + δq_iδk_i), times 1/√dh (`scorePerturbation`); the
 *     rounding of the computed scores is `attentionScoreError` (src/numerics/bounds-attention.ts) on
 *     Σ|q̂_i k̂_i| ≤ Σ(|q_i| + δq_i)(|k_i| + δk_i). Their sum is the input error e_j of
 *     `attentionRowBounds` (src/numerics/bounds.ts), whose softmax analysis takes score errors
 *     relative to the exact scores, so it covers both.
 *  3. Values from perturbed inputs: attentionRowBounds bounds |Ô_c − Σ_j p_j v̂_jc| given |v̂_jc|
 *     (it is monotone in |v|: we pass |v_jc| + δv_jc), and |Σ_j p_j(v̂_jc − v_jc)| ≤ Σ_j p_j δv_jc ≤
 *     Σ_j pHi_j δv_jc (`headError`).
 *  4. Out-projection: Ŷ_j = fl(Σ_i Ô_i wo_ji + bo_j) in any order: |Ŷ_j − Y_j| ≤
 *     γ_{E+1}(Σ_i(|O_i| + δO_i)|wo_ji| + |bo_j|) + Σ_i δO_i|wo_ji| (`outProjectionError`).
 * Every majorant is summed in binary64 with round-to-nearest; the relative slack (1 + 2⁻⁴⁰) per sum
 * and SAFETY absorb those roundings (≤ 64 terms: ≤ 64·2⁻⁵³ relative).
 */
import { gamma } from './float-format.js';
import { SAFETY, attentionRowBounds, type Precision } from './bounds.js';

const SLACK = 1 + 2 ** -40;
/** Step 1: one projection entry, `absSum` = Σ_l|x_l w_jl| + |b_j| over n products (and a bias). */
export function projectionError(absSum: number, n: number, p: Precision): number {
  return (gamma(n + 1, p.u) * absSum * SLACK + (n + 1) * p.tiny) * SAFETY;
}

/** Step 2: |q̂·k̂ − q·k|/√dh from the magnitudes |q_i|, |k_i| and the projection errors δq_i, δk_i. */
export function scorePerturbation(qMag: readonly number[], dq: readonly number[], kMag: readonly number[], dk: readonly number[], dh: number): number {
  let s = 0;
  for (let i = 0; i < qMag.length; i++) s += dq[i]! * kMag[i]! + qMag[i]! * dk[i]! + dq[i]! * dk[i]!;
  return s * SLACK / Math.sqrt(dh) * (1 + 2 ** -50) * SAFETY;
}

/**
 * Step 3: the error of one head's output row (one entry per value column) from the score errors e_j
 * (steps 1–2), the spreads and probability upper bounds of the exact scores, the value magnitudes |v_jc|
 * and their projection errors δv_jc: attentionRowBounds(…, |v| + δv) + Σ_j pHi_j δv_jc.
 */
export function headError(pHi: number[], spread: number[], e: number[], vMag: number[][], dv: number[][], p: Precision): number[] {
  const vMaj = vMag.map((col, c) => col.map((x, j) => (x + dv[c]![j]!) * SLACK));
  const att = attentionRowBounds(pHi, spread, e, vMaj, p);
  return att.map((a, c) => {
    let s = 0;
    for (let j = 0; j < pHi.length; j++) s += Math.min(1, pHi[j]!) * dv[c]![j]!;
    return (a + s * SLACK) * SAFETY;
  });
}

/** Step 4: one output entry from |O_i|, δO_i, the out-projection row wo_j· and |bo_j|. */
export function outProjectionError(oMag: readonly number[], dO: readonly number[], w: readonly number[], boAbs: number, p: Precision): number {
  let maj = boAbs, prop = 0;
  for (let i = 0; i < w.length; i++) { const a = Math.abs(w[i]!); maj += (oMag[i]! + dO[i]!) * a; prop += dO[i]! * a; }
  return (gamma(w.length + 1, p.u) * maj * SLACK + prop * SLACK + (w.length + 1) * p.tiny) * SAFETY;
}
