// Bug: integer division of the scale (Python's lora_alpha // r): ⌊α/r⌋.
import { round, merge } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'bug', class: 'rounding mode', description: 'integer scale ⌊α/r⌋ (lora_alpha // r)' };
export default { name: 'bug-lora-integer-scale', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => merge(x, round(dtype), (al, k) => Math.floor(al / k)) } };
