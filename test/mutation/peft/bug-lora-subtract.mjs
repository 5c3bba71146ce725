// Bug: the merge subtracts the update (W₀ − (α/r)BA: the unmerge sign used for the merge).
import { round, merge } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'bug', class: 'sign', description: 'W₀ − (α/r)BA (unmerge sign)' };
export default { name: 'bug-lora-subtract', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => merge(x, round(dtype), undefined, -1) } };
