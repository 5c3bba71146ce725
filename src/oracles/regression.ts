/**
 * Exact least squares and ridge (seed 000_1c190711b4cfcedd.txt, lines 279–287;
 * seed 002_606757b0cdfd2eb0.txt, line 116). All solves are exact over Q (fraction-free elimination).
 */
import { Rational } from '../numerics/rational.js';
import { QMatrix, solveVec } from '../numerics/matrix.js';

export interface SumsOfSquares { beta: Rational[]; fitted: Rational[]; rss: Rational; ess: Rational; tss: Rational; cross: Rational }

/** OLS by the normal equations XᵀXβ = Xᵀy (X of full column rank), optionally with an intercept column. */
export function olsSumsOfSquares(X: Rational[][], y: Rational[], intercept: boolean): SumsOfSquares {
  const rows = intercept ? X.map((r) => [Rational.ONE, ...r]) : X;
  const A = QMatrix.from(rows);
  const At = A.transpose();
  const beta = solveVec(At.mul(A), At.mul(QMatrix.from(y.map((v) => [v]))).toArray().map((r) => r[0]!));
  const fitted = rows.map((r) => Rational.sum(r.map((v, j) => v.mul(beta[j]!))));
  const ybar = Rational.sum(y).div(Rational.fromInt(y.length));
  const sq = (q: Rational) => q.mul(q);
  return {
    beta,
    fitted,
    rss: Rational.sum(y.map((v, i) => sq(v.sub(fitted[i]!)))),
    ess: Rational.sum(fitted.map((f) => sq(f.sub(ybar)))),
    tss: Rational.sum(y.map((v) => sq(v.sub(ybar)))),
    cross: Rational.sum(y.map((v, i) => v.sub(fitted[i]!).mul(fitted[i]!.sub(ybar)))),
  };
}

/** Primal ridge (XᵀX + λI)⁻¹Xᵀy. */
export function ridgePrimal(X: QMatrix, y: Rational[], lambda: Rational): Rational[] {
  const Xt = X.transpose();
  const A = Xt.mul(X).add(QMatrix.identity(X.cols).scale(lambda));
  return solveVec(A, Xt.mul(QMatrix.from(y.map((v) => [v]))).toArray().map((r) => r[0]!));
}

/** Dual ridge Xᵀ(XXᵀ + λI)⁻¹y. */
export function ridgeDual(X: QMatrix, y: Rational[], lambda: Rational): Rational[] {
  const G = X.mul(X.transpose()).add(QMatrix.identity(X.rows).scale(lambda));
  const alpha = solveVec(G, y);
  return X.transpose().mul(QMatrix.from(alpha.map((v) => [v]))).toArray().map((r) => r[0]!);
}

/** The ridge system matrix A = XᵀX + λI (exact). */
export function ridgeSystem(X: QMatrix, lambda: Rational): QMatrix {
  return X.transpose().mul(X).add(QMatrix.identity(X.cols).scale(lambda));
}

/**
 * Exact linear-algebra helpers for the regression claims (seeds 000_1c190711b4cfcedd.txt
 * lines 279–296 and 002_606757b0cdfd2eb0.txt lines 54, 96–104, 140–154, 615–631). Everything over Q.
 */

export type Vec = Rational[];
export type Mat = Rational[][];

export const col = (v: readonly Rational[]): QMatrix => QMatrix.from(v.map((x) => [x]));
export const flat = (M: QMatrix): Vec => M.toArray().map((r) => r[0]!);
export const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => Rational.sum(a.map((x, i) => x.mul(b[i]!)));
export const sqNorm = (a: readonly Rational[]): Rational => dot(a, a);
export const matVec = (X: Mat, w: readonly Rational[]): Vec => X.map((r) => dot(r, w));
export const sub = (a: readonly Rational[], b: readonly Rational[]): Vec => a.map((x, i) => x.sub(b[i]!));
export const addV = (a: readonly Rational[], b: readonly Rational[]): Vec => a.map((x, i) => x.add(b[i]!));

/** Full column rank (rows ≥ cols). */
export function fullColumnRank(X: Mat): boolean {
  if (X.length === 0) return false;
  const A = QMatrix.from(X);
  return A.rows >= A.cols && A.rank() === A.cols;
}

/** OLS through the normal equations β = (XᵀX)⁻¹Xᵀy (X of full column rank, no intercept added). */
export function ols(X: Mat, y: readonly Rational[]): Vec {
  const A = QMatrix.from(X);
  const At = A.transpose();
  return solveVec(At.mul(A), flat(At.mul(col(y))));
}

/** Residual sum of squares ‖y − Xβ‖². */
export function rss(X: Mat, y: readonly Rational[], beta: readonly Rational[]): Rational {
  return sqNorm(sub(y, matVec(X, beta)));
}

/** Prepend a column of ones. */
export const withIntercept = (X: Mat): Mat => X.map((r) => [Rational.ONE, ...r]);

export const mean = (v: readonly Rational[]): Rational => Rational.sum(v).div(Rational.fromInt(v.length));

/** Total sum of squares Σ(y_i − ȳ)². */
export function tss(y: readonly Rational[]): Rational {
  const m = mean(y);
  return Rational.sum(y.map((v) => v.sub(m).pow(2)));
}

/** R² = 1 − RSS/TSS and adjusted R̄² = 1 − (RSS/(n−p−1))/(TSS/(n−1)) of the OLS fit with intercept (p features). */
export function r2(X: Mat, y: readonly Rational[]): { rss: Rational; tss: Rational; r2: Rational; adj: Rational | null } {
  const Xi = withIntercept(X);
  const b = ols(Xi, y);
  const r = rss(Xi, y, b), t = tss(y);
  const n = y.length, p = X[0]?.length ?? 0;
  const r2v = Rational.ONE.sub(r.div(t));
  const adj = n - p - 1 > 0 ? Rational.ONE.sub(r.div(Rational.fromInt(n - p - 1)).div(t.div(Rational.fromInt(n - 1)))) : null;
  return { rss: r, tss: t, r2: r2v, adj };
}

/** Simple regression by the notes' closed form: β̂₁ = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)², β̂₀ = ȳ − β̂₁x̄. */
export function simpleOls(x: readonly Rational[], y: readonly Rational[]): [Rational, Rational] {
  const xb = mean(x), yb = mean(y);
  const sxy = Rational.sum(x.map((v, i) => v.sub(xb).mul(y[i]!.sub(yb))));
  const sxx = Rational.sum(x.map((v) => v.sub(xb).pow(2)));
  const b1 = sxy.div(sxx);
  return [yb.sub(b1.mul(xb)), b1];
}

/** Minimum-norm solution w* = Xᵀ(XXᵀ)⁻¹y of Xw = y (X of full row rank). */
export function minNorm(X: Mat, y: readonly Rational[]): Vec {
  const A = QMatrix.from(X);
  const alpha = solveVec(A.mul(A.transpose()), y);
  return flat(A.transpose().mul(col(alpha)));
}

/** A basis of the null space of X (exact, reduced row echelon form). */
export function nullSpace(X: Mat): Vec[] {
  const m = X.length, n = X[0]!.length;
  const R = X.map((r) => r.slice());
  const pivots: number[] = [];
  let row = 0;
  for (let c = 0; c < n && row < m; c++) {
    let p = -1;
    for (let i = row; i < m; i++) if (!R[i]![c]!.isZero()) { p = i; break; }
    if (p < 0) continue;
    [R[row], R[p]] = [R[p]!, R[row]!];
    const piv = R[row]![c]!;
    R[row] = R[row]!.map((v) => v.div(piv));
    for (let i = 0; i < m; i++) {
      if (i === row || R[i]![c]!.isZero()) continue;
      const f = R[i]![c]!;
      R[i] = R[i]!.map((v, j) => v.sub(f.mul(R[row]![j]!)));
    }
    pivots.push(c);
    row++;
  }
  const free = [...Array(n).keys()].filter((c) => !pivots.includes(c));
  return free.map((fcol) => {
    const v = new Array<Rational>(n).fill(Rational.ZERO);
    v[fcol] = Rational.ONE;
    pivots.forEach((pc, i) => { v[pc] = R[i]![fcol]!.neg(); });
    return v;
  });
}

/**
 * E‖(X + N)w − y‖² exactly, for N with i.i.d. entries ±σ (Rademacher scaled by σ: mean 0,
 * covariance σ²I per row): enumerates all 2^{mn} noise matrices (keep mn small).
 */
export function noisyLossExpectation(X: Mat, y: readonly Rational[], w: readonly Rational[], sigma: Rational): Rational {
  const m = X.length, n = X[0]!.length, k = m * n;
  let total = Rational.ZERO;
  for (let mask = 0; mask < 2 ** k; mask++) {
    const Xt = X.map((r, i) => r.map((v, j) => ((mask >> (i * n + j)) & 1 ? v.add(sigma) : v.sub(sigma))));
    total = total.add(sqNorm(sub(matVec(Xt, w), y)));
  }
  return total.div(Rational.fromInt(2 ** k));
}

/** Linear purification Ŵ = XXᵀ(XXᵀ + λI)⁻¹ (002:631). */
export function purification(X: Mat, lambda: Rational): QMatrix {
  const A = QMatrix.from(X);
  const G = A.mul(A.transpose());
  const M = G.add(QMatrix.identity(A.rows).scale(lambda));
  // Ŵ M = G  ⇔  Mᵀ Ŵᵀ = Gᵀ; M and G symmetric.
  return M.solve(G).transpose();
}

/** ‖X − WX‖²_F + λ‖W‖²_F. */
export function purificationLoss(X: Mat, W: QMatrix, lambda: Rational): Rational {
  const A = QMatrix.from(X);
  const R = A.sub(W.mul(A));
  const fro = (M: QMatrix) => Rational.sum(M.toArray().flat().map((v) => v.mul(v)));
  return fro(R).add(lambda.mul(fro(W)));
}

/** Minimiser of ½‖w‖² + (1/(2s))‖y − Xw‖² (negative log posterior with prior N(0,I), noise variance s): (XᵀX + sI)w = Xᵀy. */
export function gaussianMap(X: Mat, y: readonly Rational[], noiseVar: Rational): Vec {
  const A = QMatrix.from(X);
  const At = A.transpose();
  return solveVec(At.mul(A).add(QMatrix.identity(A.cols).scale(noiseVar)), flat(At.mul(col(y))));
}

/** Gradient of ½‖w‖² + (1/(2s))‖y − Xw‖²: w + (1/s)Xᵀ(Xw − y). */
export function negLogPosteriorGrad(X: Mat, y: readonly Rational[], w: readonly Rational[], noiseVar: Rational): Vec {
  const r = sub(matVec(X, w), y);
  const A = QMatrix.from(X);
  const g = flat(A.transpose().mul(col(r)));
  return w.map((v, i) => v.add(g[i]!.div(noiseVar)));
}

/**
 * Exact expectations of the dropout least-squares objective (Srivastava et al. 2014, §9.1).
 *
 * R has iid Bernoulli(p) entries (1 = kept), X is n×d, w ∈ R^d, y ∈ R^n, Γ = diag(‖X_{:,j}‖).
 *   plain:    E_R ‖y − (R⊙X)w‖²    = ‖y − pXw‖² + p(1−p) Σ_j w_j² ‖X_{:,j}‖²
 *   inverted: E_R ‖y − (R⊙X)w/p‖²  = ‖y − Xw‖²  + ((1−p)/p) Σ_j w_j² ‖X_{:,j}‖²
 * Both closed forms, and the brute-force expectation over all 2^{nd} masks (exact, rational).
 */

export type Variant = 'plain' | 'inverted';
type Q = Rational;

/** ‖y − (M⊙X)w·scale‖² for a 0/1 mask M (row-major n×d), exact. */
export function maskedLoss(X: Q[][], y: Q[], w: Q[], mask: readonly number[], scale: Q): Q {
  const d = w.length;
  let acc = Rational.ZERO;
  X.forEach((row, i) => {
    let pred = Rational.ZERO;
    row.forEach((x, j) => { if (mask[i * d + j]) pred = pred.add(x.mul(w[j]!)); });
    acc = acc.add(y[i]!.sub(pred.mul(scale)).pow(2));
  });
  return acc;
}

/** E over all 2^{nd} masks, exactly (nd ≤ 16). */
export function expectedLossEnumerate(X: Q[][], y: Q[], w: Q[], p: Q, variant: Variant): Q {
  const n = X.length, d = w.length, m = n * d;
  if (m > 16) throw new RangeError('expectedLossEnumerate: at most 16 mask entries');
  const scale = variant === 'plain' ? Rational.ONE : Rational.ONE.div(p);
  const q = Rational.ONE.sub(p);
  let acc = Rational.ZERO;
  for (let bits = 0; bits < 1 << m; bits++) {
    const mask: number[] = [];
    let prob = Rational.ONE;
    for (let k = 0; k < m; k++) { const b = (bits >> k) & 1; mask.push(b); prob = prob.mul(b ? p : q); }
    if (prob.isZero()) continue;
    acc = acc.add(prob.mul(maskedLoss(X, y, w, mask, scale)));
  }
  return acc;
}

/** Σ_j w_j² ‖X_{:,j}‖² = ‖Γw‖². */
export function columnPenalty(X: Q[][], w: Q[]): Q {
  return Rational.sum(w.map((wj, j) => wj.pow(2).mul(Rational.sum(X.map((row) => row[j]!.pow(2))))));
}

/** The closed forms above. */
export function expectedLossClosed(X: Q[][], y: Q[], w: Q[], p: Q, variant: Variant): Q {
  const q = Rational.ONE.sub(p);
  const fit = variant === 'plain' ? p : Rational.ONE;
  const resid = Rational.sum(X.map((row, i) => y[i]!.sub(fit.mul(Rational.sum(row.map((x, j) => x.mul(w[j]!))))).pow(2)));
  const coef = variant === 'plain' ? p.mul(q) : q.div(p);
  return resid.add(coef.mul(columnPenalty(X, w)));
}

/** Smallest and largest loss over all masks (rows are independent: per-row extremes summed). */
export function lossRange(X: Q[][], y: Q[], w: Q[], scale: Q): { lo: Q; hi: Q } {
  const d = w.length;
  let lo = Rational.ZERO, hi = Rational.ZERO;
  X.forEach((row, i) => {
    let rlo: Q | null = null, rhi: Q | null = null;
    for (let bits = 0; bits < 1 << d; bits++) {
      let pred = Rational.ZERO;
      for (let j = 0; j < d; j++) if ((bits >> j) & 1) pred = pred.add(row[j]!.mul(w[j]!));
      const l = y[i]!.sub(pred.mul(scale)).pow(2);
      if (rlo === null || l.lt(rlo)) rlo = l;
      if (rhi === null || l.gt(rhi)) rhi = l;
    }
    lo = lo.add(rlo!); hi = hi.add(rhi!);
  });
  return { lo, hi };
}
