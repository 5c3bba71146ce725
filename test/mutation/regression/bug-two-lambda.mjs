// Bug: the ½‖y − Xw‖² + λ‖w‖² convention mixed in: (XᵀX + 2λI)⁻¹Xᵀy.
import { rounder, gram, matTVec, cholSolve } from './_ridge.mjs';
export const meta = { op: 'reg.ridge-solve', kind: 'bug', class: 'λ scaling', description: 'XᵀX + 2λI (loss convention ½‖y − Xw‖² + λ‖w‖²)' };
export default { name: 'bug-ridge-two-lambda', dtypes: ['float32', 'float64'], ops: { 'reg.ridge-solve': ({ X, y, lambda }, dtype) => { const r = rounder(dtype); return cholSolve(gram(X, r, lambda, 2), matTVec(X, y, r), r); } } };
