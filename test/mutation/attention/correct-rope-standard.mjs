// Correct: cos/sin of pos·θ_i in the dtype, two products and a sum per output.
import { rope } from './_ops-common.mjs';
export const meta = { op: 'attn.rope', kind: 'correct', class: 'standard algorithm', description: 'textbook rotation in the dtype' };
export default { name: 'correct-rope-standard', dtypes: ['float32', 'float64'], ops: { 'attn.rope': (a, dtype) => rope(a, dtype) } };
