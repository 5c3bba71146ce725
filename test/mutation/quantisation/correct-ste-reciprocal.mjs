// Correct: the clipped STE mask computed with x·fl(1/s) (PyTorch's fake-quant kernel).
import { entry, steGrad } from './_quant.mjs';
export const meta = { op: 'quant.ste-grad', kind: 'correct', class: 'standard algorithm', description: 'mask on rhe(x·fl(1/s)) + z (PyTorch fake_quantize_per_tensor_affine backward)' };
export default entry('correct-ste-reciprocal', { 'quant.ste-grad': (a, d) => steGrad(a, d, { reciprocal: true }) });
