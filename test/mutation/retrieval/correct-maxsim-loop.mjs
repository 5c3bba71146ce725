// Correct: similarity matrix, row maximum, sum, in the request dtype.
import { round, sims, sum } from './_lib.mjs';
export const meta = { op: 'ret.maxsim', kind: 'correct', class: 'standard algorithm', description: 'S = Q·Dᵀ, max over the document axis, sum' };
export default { name: 'zoo-maxsim-loop', dtypes: ['float32', 'float64'], ops: { 'ret.maxsim': ({ Q, D }, dtype) => { const r = round(dtype); return sum(sims(Q, D, r).map((row) => Math.max(...row)), r); } } };
