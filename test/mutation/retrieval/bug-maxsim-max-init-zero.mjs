// Bug: the running maximum starts at 0, so an all-negative row contributes 0.
import { round, sims, sum } from './_lib.mjs';
export const meta = { op: 'ret.maxsim', kind: 'bug', class: 'initialisation', description: 'max_j starts from 0 instead of −∞' };
export default { name: 'bug-maxsim-max-init-zero', dtype: 'float32', ops: { 'ret.maxsim': ({ Q, D }) => { const r = round('float32'); return sum(sims(Q, D, r).map((row) => row.reduce((m, v) => (v > m ? v : m), 0)), r); } } };
