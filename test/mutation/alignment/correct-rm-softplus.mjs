// Correct: stable softplus(r_l − r_w), mean, in the request dtype.
import { round, softplus, sum } from './_lib.mjs';
export const meta = { op: 'loss.reward-pairwise', kind: 'correct', class: 'standard algorithm', description: 'max(x, 0) + log1p(e^{−|x|}), mean' };
export default { name: 'zoo-rm-softplus', dtypes: ['float32', 'float64'], ops: { 'loss.reward-pairwise': ({ chosen, rejected }, dtype) => { const r = round(dtype); return r(sum(chosen.map((c, i) => softplus(r(rejected[i] - c), r)), r) / chosen.length); } } };
