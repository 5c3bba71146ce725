/**
 * Error-bound models of the retrieval domain's ops: ColBERT MaxSim and the KL divergence.
 * Evaluated in float64 with the SAFETY factor, as the other bound models (src/numerics/bounds.ts).
 */
import { gamma } from './float-format.js';
import { SAFETY, dotBound, sumBound, type Precision } from './bounds.js';

/**
 * MaxSim S = Σ_i max_j q_i·d_j computed as a similarity matrix (any product order) or a loop.
 *
 * Derivation. Each computed similarity ŝ_ij errs by at most E_ij = γ_d A_ij + 2d·tiny with
 * A_ij = Σ_k |q_ik d_jk| (Higham (3.5); dotBound). A maximum is 1-Lipschitz in the ∞-norm, so the
 * computed row maximum m̂_i = max_j ŝ_ij is within E_i = max_j E_ij of m_i = max_j s_ij (whichever
 * j attains it). The final sum of Nq values m̂_i in any order errs by ≤ γ_{Nq−1} Σ_i |m̂_i| ≤
 * γ_{Nq−1} Σ_i (|m_i| + E_i) (sumBound). Hence
 *   |Ŝ − S| ≤ Σ_i E_i + γ_{Nq−1} Σ_i (|m_i| + E_i).
 * `A[i][j]` = A_ij, `mAbs[i]` ≥ |m_i|.
 */
export function maxSimBound(A: readonly (readonly number[])[], mAbs: readonly number[], d: number, p: Precision): number {
  const nq = A.length;
  if (nq === 0) return 0;
  let sumE = 0, sumAbs = 0;
  for (let i = 0; i < nq; i++) {
    let Ei = 0;
    for (const a of A[i]!) Ei = Math.max(Ei, dotBound(d, a, p));
    sumE += Ei;
    sumAbs += mAbs[i]! + Ei;
  }
  return (sumE + sumBound(nq, sumAbs, p)) * SAFETY;
}

/** The number of fractional bits of a float (0 for integers), or Infinity for a non-finite value. */
export function fractionalBits(x: number): number {
  if (!Number.isFinite(x)) return Infinity;
  let g = 0;
  let y = Math.abs(x);
  while (y !== Math.floor(y) && g < 1100) { y *= 2; g++; }
  return g;
}

/**
 * True when every operation of every MaxSim algorithm is exact: all entries are multiples of 2^−g,
 * so every product and every partial sum of a dot product is a multiple of 2^−2g; when the largest
 * Σ_k |q_ik d_jk| and Σ_i max_j Σ_k |q_ik d_jk| are at most 2^−2g/u, every such multiple that can
 * occur is representable (an integer count of 2^−2g below 1/u), so nothing rounds and the bound is 0.
 */
export function maxSimExactOnGrid(Q: readonly (readonly number[])[], D: readonly (readonly number[])[], A: readonly (readonly number[])[], p: Precision): boolean {
  let g = 0;
  for (const row of [...Q, ...D]) for (const v of row) g = Math.max(g, fractionalBits(v));
  if (!Number.isFinite(g) || g > 40) return false;
  const scale = 2 ** (2 * g);
  let total = 0;
  for (const row of A) {
    const m = row.length ? Math.max(...row) : 0;
    if (m * scale > 1 / p.u) return false;
    total += m;
  }
  return total * scale <= 1 / p.u;
}

/**
 * KL(p‖q) = Σ_i t_i, t_i = p_i log(p_i/q_i), in any of the standard forms: p(log p − log q) (torch
 * kl_div on log q), xlogy(p, p) − p·log q, p·log(p/q) (scipy rel_entr); any summation order.
 *
 * Derivation (a = 2·ulps·u, the relative error of an elementary function; L_p ≥ |log p_i|,
 * L_q ≥ |log q_i|, r ≥ |log p_i − log q_i|):
 *  - difference of logs: each log errs by ≤ a·L, the subtraction adds u·(r + a(L_p + L_q));
 *  - log of the ratio: fl(p/q) = (p/q)(1 + δ) shifts the log by |log(1 + δ)| ≤ 1.01u, the log adds
 *    a(r + 1.01u) (p/q assumed in the normal range, true for q ≤ 1);
 *  - xlogy: p·log p and p·log q each carry (a + u)(1 + a) relatively, the subtraction u|t̂|.
 * So the factor d_i = log(p_i/q_i) is computed within E_d = (a + u)(L_p + L_q)(1 + 2u) + 1.01u(1 + a), and
 * t̂_i within E_i = p_i(E_d + u(r + E_d)) + 2·tiny (the product's rounding and underflow). The sum:
 *   |KL̂ − KL| ≤ Σ_i E_i + γ_{n−1} Σ_i (|t_i| + E_i).
 * Entries with p_i = 0 contribute 0 exactly in every form (0·finite, xlogy(0, 0) = 0) and are skipped.
 */
export function klBound(terms: readonly { p: number; Lp: number; Lq: number; r: number; tAbs: number }[], p: Precision): number {
  const a = 2 * p.ulps * p.u, u = p.u;
  let sumE = 0, sumAbs = 0, k = 0;
  for (const t of terms) {
    if (t.p === 0) continue;
    k++;
    const Ed = (a + u) * (t.Lp + t.Lq) * (1 + 2 * u) + 1.01 * u * (1 + a);
    const E = t.p * (Ed + u * (t.r + Ed)) + 2 * p.tiny;
    sumE += E;
    sumAbs += t.tAbs + E;
  }
  return (sumE + (k > 1 ? gamma(k - 1, u) * sumAbs : 0)) * SAFETY;
}
