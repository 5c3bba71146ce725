/**
 * Exact oracles for the linear-autoencoder / PCA claims: rational orthogonal
 * matrices by the Cayley transform, the autoencoder loss written through the second-moment matrix
 * C = XXᵀ (or XXᵀ/n), and the exact optima of the plain and the L2-regularised linear autoencoder.
 */
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';

const q = (v: number | Rational) => (v instanceof Rational ? v : Rational.of(v));

/** Cayley transform of the skew-symmetric part of the strictly-upper entries `up` (row-major): U = (I − S)(I + S)⁻¹, exactly orthogonal. */
export function cayley(m: number, up: readonly Rational[]): QMatrix {
  const rows: Rational[][] = Array.from({ length: m }, () => Array.from({ length: m }, () => Rational.ZERO));
  let t = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) { rows[i][j] = up[t]; rows[j][i] = up[t].neg(); t++; }
  const S = QMatrix.from(rows), I = QMatrix.identity(m);
  return I.sub(S).mul(I.add(S).inverse());
}

export const diag = (d: readonly (number | Rational)[]): QMatrix =>
  QMatrix.from(d.map((_, i) => d.map((v, j) => (i === j ? q(v) : Rational.ZERO))));

export const trace = (M: QMatrix): Rational => Rational.sum(Array.from({ length: Math.min(M.rows, M.cols) }, (_, i) => M.get(i, i)));
export const fro2 = (A: QMatrix): Rational => trace(A.transpose().mul(A));

/** First k columns of U. */
export const firstCols = (U: QMatrix, k: number): QMatrix => QMatrix.from(U.toArray().map((r) => r.slice(0, k)));
/** Columns `idx` of U. */
export const cols = (U: QMatrix, idx: readonly number[]): QMatrix => QMatrix.from(U.toArray().map((r) => idx.map((j) => r[j])));

/** ‖X − MX‖²_F = tr((I − M) C (I − M)ᵀ) with C = XXᵀ. */
export function reconLoss(C: QMatrix, M: QMatrix): Rational {
  const R = QMatrix.identity(C.rows).sub(M);
  return trace(R.mul(C).mul(R.transpose()));
}

/** Regularised loss tr((I − W₂W₁)C(I − W₂W₁)ᵀ) + λ(‖W₁‖²_F + ‖W₂‖²_F), C = XXᵀ/n. */
export function regLoss(C: QMatrix, W1: QMatrix, W2: QMatrix, lambda: Rational): Rational {
  return reconLoss(C, W2.mul(W1)).add(lambda.mul(fro2(W1).add(fro2(W2))));
}

/** Exact gradients of regLoss: ∇W₁ = 2W₂ᵀ(W₂W₁ − I)C + 2λW₁, ∇W₂ = 2(W₂W₁ − I)CW₁ᵀ + 2λW₂. */
export function regGrads(C: QMatrix, W1: QMatrix, W2: QMatrix, lambda: Rational): { g1: QMatrix; g2: QMatrix } {
  const E = W2.mul(W1).sub(QMatrix.identity(C.rows));
  return {
    g1: W2.transpose().mul(E).mul(C).scale(2).add(W1.scale(lambda.mul(Rational.of(2)))),
    g2: E.mul(C).mul(W1.transpose()).scale(2).add(W2.scale(lambda.mul(Rational.of(2)))),
  };
}

/**
 * Optimal value of the regularised linear autoencoder with eigenvalues s (descending) of C and
 * rank ≤ k: Σ_{i ≤ k, s_i > λ} (2λ − λ²/s_i) + Σ_{others} s_i (per eigen-direction: min over
 * m ≥ 0 of s(1 − m)² + 2λm, from ‖W₁‖² + ‖W₂‖² ≥ 2‖W₂W₁‖_*).
 */
export function regOptimum(s: readonly Rational[], k: number, lambda: Rational): Rational {
  return Rational.sum(s.map((si, i) => (i < k && si.gt(lambda) ? lambda.mul(Rational.of(2)).sub(lambda.mul(lambda).div(si)) : si)));
}

/**
 * Exact oracles for the linear autoencoder L(W₁, W₂) = ‖X − W₂W₁X‖²_F (seed 002_606757b0cdfd2eb0.txt,
 * lines 510–536): the notes' gradients ∇_{W₂}L = 2(W₂W₁ − I)XXᵀW₁ᵀ, ∇_{W₁}L = 2W₂ᵀ(W₂W₁ − I)XXᵀ,
 * and exact central differences (L is quadratic in W₂ for fixed W₁ and in W₁ for fixed W₂).
 */

export type Mat = Rational[][];

const Q = (m: Mat) => QMatrix.from(m);
const rows = (m: QMatrix): Mat => Array.from({ length: m.rows }, (_, i) => m.data.slice(i * m.cols, (i + 1) * m.cols));

export function aeLoss(X: Mat, W1: Mat, W2: Mat): Rational {
  const R = Q(X).sub(Q(W2).mul(Q(W1)).mul(Q(X)));
  return Rational.sum(rows(R).flat().map((v) => v.pow(2)));
}

export function aeGradNotes(X: Mat, W1: Mat, W2: Mat): { dW1: Mat; dW2: Mat } {
  const m = X.length;
  const XXt = Q(X).mul(Q(X).transpose());
  const E = Q(W2).mul(Q(W1)).sub(QMatrix.identity(m));
  const two = Rational.fromInt(2);
  return {
    dW2: rows(E.mul(XXt).mul(Q(W1).transpose())).map((r) => r.map((v) => v.mul(two))),
    dW1: rows(Q(W2).transpose().mul(E).mul(XXt)).map((r) => r.map((v) => v.mul(two))),
  };
}

function central(f: (W: Mat) => Rational, W: Mat): Mat {
  return W.map((r, i) => r.map((_, j) => {
    const p = W.map((rr, a) => rr.map((v, b) => (a === i && b === j ? v.add(Rational.ONE) : v)));
    const m = W.map((rr, a) => rr.map((v, b) => (a === i && b === j ? v.sub(Rational.ONE) : v)));
    return f(p).sub(f(m)).div(Rational.fromInt(2));
  }));
}

export function aeGradCentral(X: Mat, W1: Mat, W2: Mat): { dW1: Mat; dW2: Mat } {
  return { dW1: central((W) => aeLoss(X, W, W2), W1), dW2: central((W) => aeLoss(X, W1, W), W2) };
}
