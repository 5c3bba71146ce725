// Bug: the loss as log(1 + exp(−h)) without the stable form: overflows in float32 when h < −88.7.
import { round, dpoH, dpoFromH, sum } from './_lib.mjs';
export const meta = { op: 'loss.dpo', kind: 'bug', class: 'overflow', description: 'log(1 + e^{−h}) evaluated naively' };
export default { name: 'bug-dpo-naive-softplus', dtype: 'float32', ops: { 'loss.dpo': (a) => { const r = round('float32'); const h = dpoH(a, r); const o = dpoFromH(h, a.beta, r); return { ...o, loss: r(sum(h.map((v) => r(Math.log(r(1 + r(Math.exp(-v)))))), r) / h.length) }; } } };
