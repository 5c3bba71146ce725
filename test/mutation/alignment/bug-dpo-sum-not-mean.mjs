// Bug: the batch summed instead of averaged (loss and gradients n times too large).
import { round, dpoH, dpoFromH } from './_lib.mjs';
export const meta = { op: 'loss.dpo', kind: 'bug', class: 'reduction', description: 'Σ instead of the mean' };
export default { name: 'bug-dpo-sum-not-mean', dtype: 'float32', ops: { 'loss.dpo': (a) => { const r = round('float32'); const n = a.policyChosen.length; const o = dpoFromH(dpoH(a, r), a.beta, r); return { loss: r(o.loss * n), gradChosen: o.gradChosen.map((g) => r(g * n)), gradRejected: o.gradRejected.map((g) => r(g * n)) }; } } };
