// Correct: torch kl_div(input = log q, target = p): p·(log p − log q), 0 where p = 0, summed, in the request dtype.
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.kl', kind: 'correct', class: 'standard algorithm', description: 'p(log p − log q), summed' };
export default { name: 'zoo-kl-difference-of-logs', dtypes: ['float32', 'float64'], ops: { 'loss.kl': ({ p, q }, dtype) => { const r = round(dtype); return sum(p.map((pi, i) => (pi === 0 ? 0 : r(pi * r(r(Math.log(pi)) - r(Math.log(q[i])))))), r); } } };
