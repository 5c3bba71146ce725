// Bug: computes in float32 whatever the requested dtype (a float64 request gets float32 accuracy).
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'bug', class: 'precision', description: 'float32 arithmetic in a float64 run' };
export default { name: 'bug-mha-float32-in-float64', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a) => mha(a, 'float32') } };
