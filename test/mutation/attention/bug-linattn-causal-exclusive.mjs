// Bug: the causal prefix sums are read before adding the current key (position i sees keys j < i; row 0 sees none).
import { features } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'bug', class: 'causal', description: 'exclusive prefix sums (j < i)' };
export default { name: 'bug-linattn-causal-exclusive', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => features(a, dtype, { exclusive: true }).map((row) => row.map((x) => (Number.isFinite(x) ? x : 0))) } };
