// Bug: rank-stabilised scaling α/√r (rsLoRA) where the op specifies α/r.
import { round, merge } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'bug', class: 'convention', description: 'rsLoRA scale α/√r instead of α/r' };
export default { name: 'bug-lora-rslora-scale', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => merge(x, round(dtype), (al, k) => al / Math.sqrt(k)) } };
