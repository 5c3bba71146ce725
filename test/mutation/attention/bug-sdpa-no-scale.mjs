// Bug: the 1/√d scale is missing (invisible at d = 1).
import { sdpa } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'bug', class: 'scale', description: 'no 1/√d scale' };
export default { name: 'bug-sdpa-no-scale', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': (a, dtype) => sdpa(a, dtype, { scale: () => 1 }) } };
