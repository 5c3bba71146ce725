// Correct: the out-projection as Σ_h O_h·Wo_hᵀ + bo (the attn.concat-sum identity), with Q pre-scaled by fl(1/√dh).
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'correct', class: 'per-head projection sum', description: 'Σ_h head_h·W^O_h instead of Concat·W^O; Q pre-scaled' };
export default { name: 'correct-mha-per-head-sum', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype, { perHeadSum: true, preScale: true }) } };
