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
