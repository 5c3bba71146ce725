// Bug: the rank read from the wrong axis: α divided by d (rows of B) instead of r.
import { round, merge } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'bug', class: 'shape', description: 'α/d (rows of B) instead of α/r' };
export default { name: 'bug-lora-rank-wrong-axis', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => merge(x, round(dtype), (al) => al / x.b.length) } };
