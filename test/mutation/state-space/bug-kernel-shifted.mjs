// Bug: kernel indexed from CB: y = K' * u with K' = (CB, CAB, CA²B, …) (D dropped and every term one step early).
import { rounder, kernel, directConv } from './_ssm.mjs';
export const meta = { op: 'ssm.kernel-conv', kind: 'bug', class: 'off-by-one index', description: 'kernel shifted by one: K_l = C A^l B from l = 0' };
export default {
  name: 'bug-ssm-kernel-shifted', dtypes: ['float32', 'float64'],
  ops: { 'ssm.kernel-conv': (a, dtype) => { const r = rounder(dtype); const K = kernel(a, a.u.length + 1, r).slice(1); return directConv(K, a.u, r); } },
};
