// Bug: the cross-entropy −Σ p log q returned (the teacher's entropy term forgotten).
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.kl', kind: 'bug', class: 'missing term', description: '−Σ p log q instead of Σ p log(p/q)' };
export default { name: 'bug-kl-cross-entropy', dtype: 'float32', ops: { 'loss.kl': ({ p, q }) => { const r = round('float32'); return sum(p.map((pi, i) => (pi === 0 ? 0 : r(-pi * Math.log(q[i])))), r); } } };
