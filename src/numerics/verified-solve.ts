/**
 * FAST RIGOROUS tier of the ridge solve at real sizes: an enclosure of the exact solution
 * w = (XᵀX + λI)⁻¹Xᵀy computed in binary64 only (no BigInt), verified a posteriori.
 *
 * ## Method (Krawczyk / Rump's verified linear systems; Rump, "Verification methods", Acta Numerica 19, 2010, §10)
 *
 * 1. **The system, enclosed.** A = XᵀX + λI and b = Xᵀy are not representable; each entry is computed as a
 *    plain float64 dot product ŝ together with h = Σ|x_ki x_kj| (computed alongside). By the standard dot
 *    product bound (Higham, Accuracy and Stability, (3.5)), |ŝ − s| ≤ γ_m·Σ|x_ki x_kj| with γ_m = mu/(1 − mu);
 *    the computed ĥ ≥ (1 − γ_m)·Σ|…|, so rad = γ_m·ĥ/(1 − γ_m)·SLACK + m·η covers it (η for products that
 *    underflow). The diagonal adds λ with one more rounding (u|Â_ii| more). So the exact A lies in the
 *    interval matrix [Â ± E] and b in [b̂ ± e] — and so does every system the tier is asked about.
 * 2. **An approximate solution and inverse.** Cholesky of Â in float64 gives w̃ ≈ Â⁻¹b̂ and R ≈ Â⁻¹
 *    (any R works: the verification below proves what it needs; a bad R makes it fail, never lie).
 * 3. **The residual, enclosed.** r = b − Aw̃ for the exact A, b: the dot products Σ_j Â_ij w̃_j are computed
 *    with their γ_n bound, so |r_i| ≤ ρ_i := |b̂_i − fl(Σ_j Â_ij w̃_j)|·(1 + u) + γ_{n+1}(|b̂_i| + Σ_j|Â_ij||w̃_j|)
 *    + e_i + Σ_j E_ij|w̃_j| (every float sum of non-negative terms inflated by its own γ).
 * 4. **The contraction.** C = I − RA: |C| ≤ |I − fl(RÂ)| + γ_n|R||Â| + |R|E entrywise; its row sums c_i are
 *    computed without forming |R||Â| (Σ_j(|R||Â|)_ij = Σ_k|R_ik|·Σ_j|Â_kj|). If α = max_i c_i < 1, then R and
 *    every A of the interval are nonsingular (‖I − RA‖∞ < 1), and from w − w̃ = Rr + C(w − w̃):
 *      ‖w − w̃‖∞ ≤ δ := ‖|R|ρ‖∞/(1 − α),   |w_i − w̃_i| ≤ (|R|ρ)_i + c_i·δ.
 * 5. **Rounding of the bound itself.** Every bound quantity is a sum of non-negative floats of at most
 *    n + 2 terms (or m), computed in round to nearest: it is multiplied by (1 + 2γ)·SLACK for its length, and
 *    the endpoints w̃_i ∓ rad_i are taken with `pred`/`succ` (src/numerics/fast-enclose.ts).
 *
 * Returns null (the caller uses the exact tier) when an input is non-finite, λ < 0, the Cholesky fails, or
 * α ≥ 1/2 (an ill-conditioned system: the exact tier is the only honest answer there).
 *
 * @module
 */

import { pred, succ, U, ETA } from './fast-enclose.js';

const SLACK = 1 + 2 ** -48;
const gammaK = (k: number): number => (k * U) / (1 - k * U);
/** Upper bound of an exact non-negative sum of k terms from its round-to-nearest value. */
const upSum = (s: number, k: number): number => s * (1 + 2 * gammaK(k)) * SLACK + k * ETA;

export interface RidgeEnclosure {
  /** w_i ∈ [lo[i], hi[i]] for the exact ridge solution. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** An upper bound of ‖A⁻¹‖∞ for the exact A = XᵀX + λI (‖R‖∞/(1 − α)). */
  readonly normAinvUpper: number;
  /** α = ‖I − RA‖∞ bound reached by the verification. */
  readonly alpha: number;
}

/**
 * Verified enclosure of the ridge solution (XᵀX + λI)⁻¹Xᵀy for an m × n design X (rows), y ∈ R^m, λ ≥ 0,
 * all finite doubles; see the module doc. O(mn² + n³) float operations.
 */
export function ridgeEnclosureFast(X: readonly (readonly number[])[], y: readonly number[], lambda: number): RidgeEnclosure | null {
  const m = X.length;
  if (m === 0 || y.length !== m || !(lambda >= 0) || !Number.isFinite(lambda)) return null;
  const n = X[0]!.length;
  if (n === 0 || m * U * 4 > 1e-3 || n * U * 4 > 1e-3) return null;
  // columns, contiguous
  const cols = new Float64Array(n * m), yy = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const row = X[k]!;
    if (row.length !== n) return null;
    const yk = y[k]!;
    if (!Number.isFinite(yk)) return null;
    yy[k] = yk;
    for (let j = 0; j < n; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) return null;
      cols[j * m + k] = v;
    }
  }
  // 1. Â ± E, b̂ ± e
  const A = new Float64Array(n * n), E = new Float64Array(n * n), b = new Float64Array(n), e = new Float64Array(n);
  const gm = gammaK(m);
  const radOf = (h: number) => (gm * h / (1 - gm)) * SLACK + m * ETA;
  for (let i = 0; i < n; i++) {
    const ci = i * m;
    for (let j = i; j < n; j++) {
      const cj = j * m;
      let s = 0, h = 0;
      for (let k = 0; k < m; k++) { const p = cols[ci + k]! * cols[cj + k]!; s += p; h += Math.abs(p); }
      let r = radOf(h);
      if (i === j && lambda !== 0) { const t = s + lambda; r = (r + U * Math.abs(t)) * SLACK + ETA; s = t; }
      if (!Number.isFinite(s) || !Number.isFinite(r)) return null;
      A[i * n + j] = s; A[j * n + i] = s; E[i * n + j] = r; E[j * n + i] = r;
    }
    let s = 0, h = 0;
    for (let k = 0; k < m; k++) { const p = cols[ci + k]! * yy[k]!; s += p; h += Math.abs(p); }
    b[i] = s; e[i] = radOf(h);
    if (!Number.isFinite(s) || !Number.isFinite(e[i]!)) return null;
  }
  // 2. Cholesky Â = LLᵀ, w̃ and R = Â⁻¹ (approximate)
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = s / ljj;
    }
  }
  const cholSolve = (rhs: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < n; i++) { let s = rhs[i]!; for (let k = 0; k < i; k++) s -= L[i * n + k]! * out[k]!; out[i] = s / L[i * n + i]!; }
    for (let i = n - 1; i >= 0; i--) { let s = out[i]!; for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * out[k]!; out[i] = s / L[i * n + i]!; }
  };
  const w = new Float64Array(n);
  cholSolve(b, w);
  const R = new Float64Array(n * n); // row-major; R is symmetric up to rounding, but only "some R" is needed
  const unit = new Float64Array(n), col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0); unit[j] = 1;
    cholSolve(unit, col);
    for (let i = 0; i < n; i++) R[i * n + j] = col[i]!;
  }
  for (let i = 0; i < n * n; i++) if (!Number.isFinite(R[i]!)) return null;
  // 3. ρ ≥ |b − Aw̃| for every A, b of the intervals
  const gn1 = gammaK(n + 1);
  const rho = new Float64Array(n);
  const absW = w.map(Math.abs);
  for (let i = 0; i < n; i++) {
    let s = 0, h = 0, he = 0;
    for (let j = 0; j < n; j++) { const a = A[i * n + j]!; s += a * w[j]!; h += Math.abs(a) * absW[j]!; he += E[i * n + j]! * absW[j]!; }
    const res = Math.abs(b[i]! - s) * (1 + U);
    rho[i] = upSum(res + gn1 * upSum(Math.abs(b[i]!) + upSum(h, n), 2) + e[i]! + upSum(he, n), 4);
    if (!Number.isFinite(rho[i]!)) return null;
  }
  // 4. row sums of |C| ≤ |I − fl(RÂ)| + γ_n|R||Â| + |R|E
  const gn = gammaK(n);
  const rowAbsA = new Float64Array(n), rowE = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sa = 0, se = 0;
    for (let j = 0; j < n; j++) { sa += Math.abs(A[k * n + j]!); se += E[k * n + j]!; }
    rowAbsA[k] = upSum(sa, n); rowE[k] = upSum(se, n);
  }
  const c = new Float64Array(n);
  let alpha = 0, normR = 0;
  for (let i = 0; i < n; i++) {
    let off = 0;
    for (let j = 0; j < n; j++) {
      let g = 0;
      for (let k = 0; k < n; k++) g += R[i * n + k]! * A[k * n + j]!;
      off += Math.abs((i === j ? 1 : 0) - g);
    }
    let ra = 0, re = 0, rr = 0;
    for (let k = 0; k < n; k++) { const a = Math.abs(R[i * n + k]!); ra += a * rowAbsA[k]!; re += a * rowE[k]!; rr += a; }
    c[i] = upSum(upSum(off, n) * (1 + U) + gn * upSum(ra, n) + upSum(re, n), 3);
    if (c[i]! > alpha) alpha = c[i]!;
    const rrUp = upSum(rr, n);
    if (rrUp > normR) normR = rrUp;
  }
  if (!(alpha < 0.5)) return null;
  // 5. δ and the componentwise radii
  const Rrho = new Float64Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += Math.abs(R[i * n + k]!) * rho[k]!;
    Rrho[i] = upSum(s, n);
    if (Rrho[i]! > top) top = Rrho[i]!;
  }
  const oneMinus = pred(1 - alpha);
  const delta = succ(top / oneMinus);
  const lo = new Float64Array(n), hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rad = succ(Rrho[i]! + succ(c[i]! * delta));
    lo[i] = pred(w[i]! - rad);
    hi[i] = succ(w[i]! + rad);
    if (!Number.isFinite(lo[i]!) || !Number.isFinite(hi[i]!)) return null;
  }
  return { lo, hi, normAinvUpper: succ(normR / oneMinus), alpha };
}
