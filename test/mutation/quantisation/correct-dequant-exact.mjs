// Correct: the exact-difference form fl(s·fl(q − z)) (ONNX Runtime, XNNPACK), the entry's dequantize under test.
import { entry } from './_quant.mjs';
export const meta = { op: 'quant.dequantize', kind: 'correct', class: 'standard algorithm', description: 'x̂ = fl(s·fl(q − z)) with q − z in exact integer arithmetic' };
export default entry('zoo-dequant-exact');
