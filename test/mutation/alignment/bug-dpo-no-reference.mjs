// Bug: the reference model ignored: h = β(π_w − π_l).
import { round, dpoFromH } from './_lib.mjs';
export const meta = { op: 'loss.dpo', kind: 'bug', class: 'missing term', description: 'no π_ref log-ratio' };
export default { name: 'bug-dpo-no-reference', dtype: 'float32', ops: { 'loss.dpo': (a) => { const r = round('float32'); return dpoFromH(a.policyChosen.map((pc, i) => r(a.beta * r(pc - a.policyRejected[i]))), a.beta, r); } } };
