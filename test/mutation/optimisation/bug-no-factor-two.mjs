// Bug: the factor 2 of d/dw (y − σw)² dropped (the ½-loss convention's step on the plain loss): w + ησ(y − σw).
import { rounder, residualForm } from './_gd.mjs';
export const meta = { op: 'opt.gd-steps', kind: 'bug', class: 'step scale', description: 'η instead of 2η' };
export default { name: 'bug-gd-no-factor-two', dtypes: ['float32', 'float64'], ops: { 'opt.gd-steps': (a, dtype) => residualForm(a, rounder(dtype), { factor: 1 }) } };
