// Correct: TRL's logits, stable softplus, the closed-form gradient ∓(β/n)σ(−h), in the request dtype.
import { round, dpoH, dpoFromH } from './_lib.mjs';
export const meta = { op: 'loss.dpo', kind: 'correct', class: 'standard algorithm', description: 'TRL sigmoid loss with the closed-form gradient' };
export default { name: 'zoo-dpo-closed-form', dtypes: ['float32', 'float64'], ops: { 'loss.dpo': (a, dtype) => { const r = round(dtype); return dpoFromH(dpoH(a, r), a.beta, r); } } };
