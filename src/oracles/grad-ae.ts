/**
 * Exact oracles for the linear autoencoder L(W₁, W₂) = ‖X − W₂W₁X‖²_F (seed 002_606757b0cdfd2eb0.txt,
 * lines 510–536): the notes' gradients ∇_{W₂}L = 2(W₂W₁ − I)XXᵀW₁ᵀ, ∇_{W₁}L = 2W₂ᵀ(W₂W₁ − I)XXᵀ,
 * and exact central differences (L is quadratic in W₂ for fixed W₁ and in W₁ for fixed W₂).
 */
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';

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
