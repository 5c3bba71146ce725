// Bug: the reference log-probabilities of chosen and rejected swapped.
import { round, dpoFromH } from './_lib.mjs';
export const meta = { op: 'loss.dpo', kind: 'bug', class: 'argument order', description: 'h = β[(π_w − π_l) − (ρ_l − ρ_w)]' };
export default { name: 'bug-dpo-reference-swapped', dtype: 'float32', ops: { 'loss.dpo': (a) => { const r = round('float32'); return dpoFromH(a.policyChosen.map((pc, i) => r(a.beta * r(r(pc - a.policyRejected[i]) - r(a.refRejected[i] - a.refChosen[i])))), a.beta, r); } } };
