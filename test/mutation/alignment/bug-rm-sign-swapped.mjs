// Bug: chosen and rejected swapped — the loss rewards the losing completion: softplus(r_w − r_l).
import { round, softplus, sum } from './_lib.mjs';
export const meta = { op: 'loss.reward-pairwise', kind: 'bug', class: 'argument order', description: '−log σ(r_l − r_w)' };
export default { name: 'bug-rm-sign-swapped', dtype: 'float32', ops: { 'loss.reward-pairwise': ({ chosen, rejected }) => { const r = round('float32'); return r(sum(chosen.map((c, i) => softplus(r(c - rejected[i]), r)), r) / chosen.length); } } };
