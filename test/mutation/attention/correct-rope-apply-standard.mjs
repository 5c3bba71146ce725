// Correct: two products and one sum per rotated output in the dtype (the ONNX reference: real = cos·x1 − sin·x2, imag = sin·x1 + cos·x2).
import { ropeApply } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'correct', class: 'standard algorithm', description: 'ONNX reference order: two products and a sum' };
export default { name: 'correct-rope-apply-standard', dtypes: ['float32', 'float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApply(a, dtype) } };
