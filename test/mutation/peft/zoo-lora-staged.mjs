// Correct: PEFT's merge: delta = (B @ A) * scaling, W = W₀ + delta, sequential dot products in the dtype.
import { round, merge } from './_lora.mjs';
export const meta = { op: 'peft.lora-merge', kind: 'correct', class: 'staged', description: 'fl(α/r), sequential B·A, scale, add' };
export default { name: 'zoo-lora-staged', dtypes: ['float32', 'float64'], ops: { 'peft.lora-merge': (x, dtype) => merge(x, round(dtype)) } };
