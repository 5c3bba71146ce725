// Correct: scipy.special.rel_entr, p·log(p/q), summed in reverse order, in the request dtype.
import { round } from './_lib.mjs';
export const meta = { op: 'loss.kl', kind: 'correct', class: 'log of the ratio', description: 'p·log(p/q) (rel_entr), reverse summation' };
export default { name: 'zoo-kl-rel-entr', dtypes: ['float32', 'float64'], ops: { 'loss.kl': ({ p, q }, dtype) => { const r = round(dtype); let s = 0; for (let i = p.length - 1; i >= 0; i--) s = r(s + (p[i] === 0 ? 0 : r(p[i] * r(Math.log(r(p[i] / q[i])))))); return s; } } };
