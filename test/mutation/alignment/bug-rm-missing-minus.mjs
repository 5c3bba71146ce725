// Bug: the minus sign dropped — mean log σ(m), a negative 'loss' that is maximised by the wrong ordering.
import { round, softplus, sum } from './_lib.mjs';
export const meta = { op: 'loss.reward-pairwise', kind: 'bug', class: 'sign', description: 'mean log σ(r_w − r_l)' };
export default { name: 'bug-rm-missing-minus', dtype: 'float32', ops: { 'loss.reward-pairwise': ({ chosen, rejected }) => { const r = round('float32'); return r(-sum(chosen.map((c, i) => softplus(r(rejected[i] - c), r)), r) / chosen.length); } } };
