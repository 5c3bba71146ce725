// Bug: the maxima averaged over the query tokens (a length-normalised score) instead of summed.
import { round, sims, sum } from './_lib.mjs';
export const meta = { op: 'ret.maxsim', kind: 'bug', class: 'normalisation', description: 'mean_i max_j instead of Σ_i max_j' };
export default { name: 'bug-maxsim-mean-over-query', dtype: 'float32', ops: { 'ret.maxsim': ({ Q, D }) => { const r = round('float32'); if (!Q.length) return 0; return r(sum(sims(Q, D, r).map((row) => Math.max(...row)), r) / Q.length); } } };
