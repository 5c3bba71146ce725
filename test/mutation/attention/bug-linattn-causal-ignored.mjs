// Bug: the causal flag is ignored (sums over all keys).
import { features } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'bug', class: 'causal', description: 'causal ignored' };
export default { name: 'bug-linattn-causal-ignored', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => features(a, dtype, { ignoreCausal: true }) } };
