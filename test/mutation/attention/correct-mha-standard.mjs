// Correct: projections, heads as column blocks, 1/√dh, masks, softmax, ·V, concatenation, ·Woᵀ + bo in the run's dtype.
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'correct', class: 'standard algorithm', description: 'textbook multi-head attention with projections in the dtype' };
export default { name: 'correct-mha-standard', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype) } };
