// Bug: every similarity summed (no max-pooling): Σ_i Σ_j q_i·d_j.
import { round, sims, sum } from './_lib.mjs';
export const meta = { op: 'ret.maxsim', kind: 'bug', class: 'missing max', description: 'Σ_i Σ_j instead of Σ_i max_j' };
export default { name: 'bug-maxsim-sum-all', dtype: 'float32', ops: { 'ret.maxsim': ({ Q, D }) => { const r = round('float32'); return sum(sims(Q, D, r).map((row) => sum(row, r)), r); } } };
