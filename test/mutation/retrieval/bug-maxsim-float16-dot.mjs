// Bug: similarities accumulated in float16 (a half-precision kernel) inside a float32 op.
import { round, f16, sims, sum } from './_lib.mjs';
export const meta = { op: 'ret.maxsim', kind: 'bug', class: 'precision', description: 'dot products rounded to float16 at every step' };
export default { name: 'bug-maxsim-float16-dot', dtype: 'float32', ops: { 'ret.maxsim': ({ Q, D }) => { const r = round('float32'); return sum(sims(Q, D, f16).map((row) => Math.max(...row)), r); } } };
