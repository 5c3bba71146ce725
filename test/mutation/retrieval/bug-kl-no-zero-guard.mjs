// Bug: no 0·log 0 = 0 guard — an entry p_i = 0 gives 0·(−∞) = NaN.
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.kl', kind: 'bug', class: 'edge case', description: 'p·(log p − log q) evaluated at p = 0' };
export default { name: 'bug-kl-no-zero-guard', dtype: 'float32', ops: { 'loss.kl': ({ p, q }) => { const r = round('float32'); return sum(p.map((pi, i) => r(pi * r(Math.log(pi) - Math.log(q[i])))), r); } } };
