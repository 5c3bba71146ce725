// Bug: reduction 'mean' (divide by the number of entries) instead of the sum.
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.kl', kind: 'bug', class: 'reduction', description: 'Σ p log(p/q) / n' };
export default { name: 'bug-kl-mean-reduction', dtype: 'float32', ops: { 'loss.kl': ({ p, q }) => { const r = round('float32'); return r(sum(p.map((pi, i) => (pi === 0 ? 0 : r(pi * r(Math.log(pi) - Math.log(q[i]))))), r) / p.length); } } };
