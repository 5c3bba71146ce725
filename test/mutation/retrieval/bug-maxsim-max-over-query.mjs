// Bug: the maximum taken over the query tokens for each document token (Σ_j max_i), the transposed MaxSim.
import { round, sims, sum } from './_lib.mjs';
export const meta = { op: 'ret.maxsim', kind: 'bug', class: 'wrong axis', description: 'Σ_j max_i q_i·d_j instead of Σ_i max_j' };
export default { name: 'bug-maxsim-max-over-query', dtype: 'float32', ops: { 'ret.maxsim': ({ Q, D }) => { const r = round('float32'); if (!Q.length) return 0; const S = sims(Q, D, r); return sum(D.map((_, j) => Math.max(...S.map((row) => row[j]))), r); } } };
