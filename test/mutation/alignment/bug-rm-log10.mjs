// Bug: log base 10 instead of the natural log.
import { round, softplus, sum } from './_lib.mjs';
export const meta = { op: 'loss.reward-pairwise', kind: 'bug', class: 'log base', description: '−log₁₀ σ(r_w − r_l)' };
export default { name: 'bug-rm-log10', dtype: 'float32', ops: { 'loss.reward-pairwise': ({ chosen, rejected }) => { const r = round('float32'); return r(r(sum(chosen.map((c, i) => softplus(r(rejected[i] - c), r)), r) / chosen.length) / Math.LN10); } } };
