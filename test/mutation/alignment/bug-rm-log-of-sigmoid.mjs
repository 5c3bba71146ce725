// Bug: −log(σ(m)) with σ = 1/(1 + e^{−m}) computed first: σ underflows to 0 for m < −104 (float32), log 0 = −∞.
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.reward-pairwise', kind: 'bug', class: 'underflow', description: '−log of a rounded sigmoid' };
export default { name: 'bug-rm-log-of-sigmoid', dtype: 'float32', ops: { 'loss.reward-pairwise': ({ chosen, rejected }) => { const r = round('float32'); return r(sum(chosen.map((c, i) => { const m = r(c - rejected[i]); const s = r(1 / r(1 + r(Math.exp(-m)))); return r(-Math.log(s)); }), r) / chosen.length); } } };
