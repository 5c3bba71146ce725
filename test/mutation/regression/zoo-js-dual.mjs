// Correct: the smaller system — the dual (push-through) form w = Xᵀ(XXᵀ + λI)⁻¹y by Cholesky when m < n, else the primal by Cholesky, in the request dtype.
import { rounder, gram, matTVec, cholSolve } from './_ridge.mjs';
export const meta = { op: 'reg.ridge-solve', kind: 'correct', class: 'dual form / Cholesky', description: 'JS: Xᵀ(XXᵀ + λI)⁻¹y when m < n, (XᵀX + λI)⁻¹Xᵀy otherwise, Cholesky in the dtype' };
function ridge({ X, y, lambda }, r) {
  const m = X.length, n = X[0].length;
  if (m < n) {
    const Xt = X[0].map((_, j) => X.map((row) => row[j]));
    const alpha = cholSolve(gram(Xt, r, lambda), y, r);
    return Xt.map((row) => { let s = 0; row.forEach((v, i) => { s = r(s + r(v * alpha[i])); }); return s; });
  }
  return cholSolve(gram(X, r, lambda), matTVec(X, y, r), r);
}
export default { name: 'zoo-ridge-js-dual', dtypes: ['float32', 'float64'], ops: { 'reg.ridge-solve': (a, dtype) => ridge(a, rounder(dtype)) } };
