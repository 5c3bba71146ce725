// Bug: log base 2 (bits) instead of the natural log (nats).
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.kl', kind: 'bug', class: 'log base', description: 'Σ p log₂(p/q)' };
export default { name: 'bug-kl-log2', dtype: 'float32', ops: { 'loss.kl': ({ p, q }) => { const r = round('float32'); return sum(p.map((pi, i) => (pi === 0 ? 0 : r(pi * r(Math.log2(pi) - Math.log2(q[i]))))), r); } } };
