// Correct: normal equations formed and solved by Gaussian elimination with partial pivoting, every operation in the request dtype.
import { rounder, gram, matTVec, gepp } from './_ridge.mjs';
export const meta = { op: 'reg.ridge-solve', kind: 'correct', class: 'normal equations, LU with partial pivoting', description: 'JS: A = XᵀX + λI, b = Xᵀy, GEPP, in the dtype' };
export default { name: 'zoo-ridge-js-gepp', dtypes: ['float32', 'float64'], ops: { 'reg.ridge-solve': ({ X, y, lambda }, dtype) => { const r = rounder(dtype); return gepp(gram(X, r, lambda), matTVec(X, y, r), r); } } };
