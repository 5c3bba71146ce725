// Bug: the out-projection applied as O·Wo instead of O·Woᵀ (the [out, in] layout misread).
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'bug', class: 'out-projection', description: 'out-projection weight transposed' };
export default { name: 'bug-mha-out-proj-transposed', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype, { outTransposed: true }) } };
