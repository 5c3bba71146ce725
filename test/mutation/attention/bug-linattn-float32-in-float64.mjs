// Bug: computes in float32 even when float64 is requested.
import { features } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'bug', class: 'precision', description: 'float32 arithmetic in a float64 run' };
export default { name: 'bug-linattn-float32-in-float64', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a) => features(a, 'float32') } };
