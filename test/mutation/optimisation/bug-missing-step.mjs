// Bug: the loop runs steps − 1 times (for t = 1; t < steps).
import { rounder, residualForm } from './_gd.mjs';
export const meta = { op: 'opt.gd-steps', kind: 'bug', class: 'off-by-one step count', description: 'steps − 1 iterations (at least 0)' };
export default { name: 'bug-gd-missing-step', dtypes: ['float32', 'float64'], ops: { 'opt.gd-steps': (a, dtype) => residualForm(a, rounder(dtype), { steps: (s) => Math.max(0, s - 1) }) } };
