// Bug: dW transposed (kw × kh read as kh × kw; non-square kernels mirrored).
import { rounder, filterGrad } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-filter-grad', kind: 'bug', class: 'layout', description: 'dW transposed (kw × kh read as kh × kw; non-square kernels mirrored)' };
export default { name: 'bug-dw-transposed', dtypes: ['float32', 'float64'], ops: { 'cnn.conv2d-filter-grad': (a, dtype) => filterGrad(a, rounder(dtype), { transpose: true }) } };
