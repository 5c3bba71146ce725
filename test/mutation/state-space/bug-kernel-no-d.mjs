// Bug: the feed-through D u_k is dropped (the 002:556 kernel (0, CB, CAB, ...) used for a model with D ≠ 0).
import { rounder, recurrence } from './_ssm.mjs';
export const meta = { op: 'ssm.kernel-conv', kind: 'bug', class: 'missing term', description: 'y_k = C x_k without the D u_k term' };
export default { name: 'bug-ssm-no-d', dtypes: ['float32', 'float64'], ops: { 'ssm.kernel-conv': (a, dtype) => recurrence(a, rounder(dtype), { noD: true }) } };
