// Bug: the loop runs steps + 1 times (for t = 0..steps inclusive).
import { rounder, residualForm } from './_gd.mjs';
export const meta = { op: 'opt.gd-steps', kind: 'bug', class: 'off-by-one step count', description: 'steps + 1 iterations' };
export default { name: 'bug-gd-extra-step', dtypes: ['float32', 'float64'], ops: { 'opt.gd-steps': (a, dtype) => residualForm(a, rounder(dtype), { steps: (s) => s + 1 }) } };
