// Bug: λ added to every entry of XᵀX (a broadcast of a scalar instead of λ·I).
import { rounder, gram, matTVec, gepp } from './_ridge.mjs';
export const meta = { op: 'reg.ridge-solve', kind: 'bug', class: 'λ off the diagonal', description: 'XᵀX + λ·11ᵀ (λ broadcast to every entry)' };
export default { name: 'bug-ridge-lambda-everywhere', dtypes: ['float32', 'float64'], ops: { 'reg.ridge-solve': ({ X, y, lambda }, dtype) => { const r = rounder(dtype); return gepp(gram(X, r, lambda, 1, true), matTVec(X, y, r), r); } } };
