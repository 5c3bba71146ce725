// Bug: the gradient sign flipped (w ← w − 2ησ(y − σw), ascent on the loss).
import { rounder, residualForm } from './_gd.mjs';
export const meta = { op: 'opt.gd-steps', kind: 'bug', class: 'gradient sign', description: 'w − 2ησ(y − σw)' };
export default { name: 'bug-gd-ascent', dtypes: ['float32', 'float64'], ops: { 'opt.gd-steps': (a, dtype) => residualForm(a, rounder(dtype), { ascent: true }) } };
