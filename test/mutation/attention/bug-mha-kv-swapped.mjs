// Bug: the packed in_proj chunks misordered: keys projected with Wv and values with Wk (when kdim = vdim).
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'bug', class: 'projection', description: 'key and value projection weights swapped' };
export default { name: 'bug-mha-kv-swapped', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype, { swapKV: true }) } };
