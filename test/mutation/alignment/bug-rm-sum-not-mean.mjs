// Bug: the losses summed over the batch instead of averaged.
import { round, softplus, sum } from './_lib.mjs';
export const meta = { op: 'loss.reward-pairwise', kind: 'bug', class: 'reduction', description: 'Σ instead of the mean' };
export default { name: 'bug-rm-sum-not-mean', dtype: 'float32', ops: { 'loss.reward-pairwise': ({ chosen, rejected }) => { const r = round('float32'); return sum(chosen.map((c, i) => softplus(r(rejected[i] - c), r)), r); } } };
