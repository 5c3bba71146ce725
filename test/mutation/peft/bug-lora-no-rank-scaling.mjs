// Bug: the update scaled by α instead of α/r (the rank division forgotten).
import { round, merge } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'bug', class: 'convention', description: 'scale α instead of α/r' };
export default { name: 'bug-lora-no-rank-scaling', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => merge(x, round(dtype), (al) => al) } };
