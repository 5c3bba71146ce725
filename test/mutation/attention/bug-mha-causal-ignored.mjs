// Bug: the causal flag ignored (only the explicit masks applied).
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'bug', class: 'causal', description: 'causal flag ignored' };
export default { name: 'bug-mha-causal-ignored', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype, { noCausal: true }) } };
