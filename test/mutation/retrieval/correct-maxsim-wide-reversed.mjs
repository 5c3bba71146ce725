// Correct: dot products in float64 rounded once, maxima summed in reverse order (a wider accumulator, another order).
import { round } from './_lib.mjs';
export const meta = { op: 'ret.maxsim', kind: 'correct', class: 'wide accumulator', description: 'float64 dot products rounded to the dtype, reverse summation' };
export default { name: 'zoo-maxsim-wide-reversed', dtypes: ['float32', 'float64'], ops: { 'ret.maxsim': ({ Q, D }, dtype) => { const r = round(dtype); const m = Q.map((q) => Math.max(...D.map((d) => r(q.reduce((s, v, k) => s + v * d[k], 0))))); let s = 0; for (let i = m.length - 1; i >= 0; i--) s = r(s + m[i]); return s; } } };
