// Bug: scores scaled by 1/d instead of 1/√d.
import { sdpa } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'bug', class: 'scale', description: 'QKᵀ/d instead of QKᵀ/√d' };
export default { name: 'bug-sdpa-scale-one-over-d', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': (a, dtype) => sdpa(a, dtype, { scale: (d, r) => r(1 / d) }) } };
