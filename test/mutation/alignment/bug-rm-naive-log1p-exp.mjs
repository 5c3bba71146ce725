// Bug: log(1 + exp(r_l − r_w)) without the stable form: exp overflows to ∞ in float32 beyond 88.7.
import { round, sum } from './_lib.mjs';
export const meta = { op: 'loss.reward-pairwise', kind: 'bug', class: 'overflow', description: 'log(1 + e^x) evaluated naively' };
export default { name: 'bug-rm-naive-log1p-exp', dtype: 'float32', ops: { 'loss.reward-pairwise': ({ chosen, rejected }) => { const r = round('float32'); return r(sum(chosen.map((c, i) => r(Math.log(r(1 + r(Math.exp(r(rejected[i] - c))))))), r) / chosen.length); } } };
