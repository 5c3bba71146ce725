// Bug: the gradient uses σ(h) instead of σ(−h) (the derivative of log σ mixed up with σ itself).
import { round, dpoH, dpoFromH } from './_lib.mjs';
export const meta = { op: 'loss.dpo', kind: 'bug', class: 'gradient formula', description: '∓(β/n)σ(h)' };
export default { name: 'bug-dpo-grad-sigmoid-h', dtype: 'float32', ops: { 'loss.dpo': (a) => { const r = round('float32'); const h = dpoH(a, r); const o = dpoFromH(h, a.beta, r); const w = dpoFromH(h.map((v) => -v), a.beta, r); return { loss: o.loss, gradChosen: w.gradChosen, gradRejected: w.gradRejected }; } } };
