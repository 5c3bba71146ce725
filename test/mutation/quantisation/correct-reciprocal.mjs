// Correct: multiply by the rounded reciprocal fl(1/s) (PyTorch quantize_per_tensor, XNNPACK), for the quotient of quantize and of the zero point.
import { entry, affineParams, quantize } from './_quant.mjs';
export const meta = { op: 'quant.quantize', kind: 'correct', class: 'standard algorithm', description: 'x·fl(1/s) then round half to even (PyTorch, XNNPACK); zero point from lo·fl(1/s)' };
export default entry('zoo-quant-reciprocal', {
  'quant.affine-params': (a, d) => affineParams(a, d, { reciprocal: true }),
  'quant.quantize': (a, d) => quantize(a, d, { reciprocal: true }),
});
