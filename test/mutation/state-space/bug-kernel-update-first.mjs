// Bug: the state is updated before the output is read (y_k = C x_{k+1} + D u_k): A applied one step too early.
import { rounder, recurrence } from './_ssm.mjs';
export const meta = { op: 'ssm.kernel-conv', kind: 'bug', class: 'off-by-one step', description: 'x updated before y_k = C x + D u is formed' };
export default { name: 'bug-ssm-update-first', dtypes: ['float32', 'float64'], ops: { 'ssm.kernel-conv': (a, dtype) => recurrence(a, rounder(dtype), { updateFirst: true }) } };
