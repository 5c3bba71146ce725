// Bug: A read column-major (Aᵀ used): x_{k+1} = Aᵀx_k + B u_k.
import { rounder, recurrence } from './_ssm.mjs';
export const meta = { op: 'ssm.kernel-conv', kind: 'bug', class: 'layout', description: 'A transposed (column-major reading of the row-major A)' };
export default { name: 'bug-ssm-a-transposed', dtypes: ['float32', 'float64'], ops: { 'ssm.kernel-conv': (a, dtype) => recurrence(a, rounder(dtype), { transposeA: true }) } };
