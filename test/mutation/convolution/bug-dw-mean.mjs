// Bug: dW averaged over the output positions instead of summed.
import { rounder, filterGrad } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-filter-grad', kind: 'bug', class: 'scaling', description: 'dW averaged over the output positions instead of summed' };
export default { name: 'bug-dw-mean', dtypes: ['float32', 'float64'], ops: { 'cnn.conv2d-filter-grad': (a, dtype) => filterGrad(a, rounder(dtype), { mean: true }) } };
