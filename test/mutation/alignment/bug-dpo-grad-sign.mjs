// Bug: the gradient returned with the wrong sign (the ascent direction).
import { round, dpoH, dpoFromH } from './_lib.mjs';
export const meta = { op: 'loss.dpo', kind: 'bug', class: 'gradient sign', description: '+(β/n)σ(−h) for the chosen log-probabilities' };
export default { name: 'bug-dpo-grad-sign', dtype: 'float32', ops: { 'loss.dpo': (a) => { const r = round('float32'); const o = dpoFromH(dpoH(a, r), a.beta, r); return { loss: o.loss, gradChosen: o.gradRejected, gradRejected: o.gradChosen }; } } };
