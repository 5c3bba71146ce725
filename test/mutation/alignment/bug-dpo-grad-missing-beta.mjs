// Bug: the chain rule's factor β dropped from the gradient.
import { round, dpoH, dpoFromH } from './_lib.mjs';
export const meta = { op: 'loss.dpo', kind: 'bug', class: 'gradient factor', description: '∓σ(−h)/n' };
export default { name: 'bug-dpo-grad-missing-beta', dtype: 'float32', ops: { 'loss.dpo': (a) => { const r = round('float32'); const o = dpoFromH(dpoH(a, r), 1, r); const ref = dpoFromH(dpoH(a, r), a.beta, r); return { loss: ref.loss, gradChosen: o.gradChosen, gradRejected: o.gradRejected }; } } };
