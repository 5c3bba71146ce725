// Correct: direct loops in the request dtype (per filter entry, rows then columns of dy).
import { rounder, filterGrad } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-filter-grad', kind: 'correct', class: 'direct summation', description: 'dW_{h,l} = Σ_{i,j} x_{iS+h−p, jS+l−q} dy_{i,j} by loops, in the dtype' };
export default { name: 'zoo-dw-js', dtypes: ['float32', 'float64'], ops: { 'cnn.conv2d-filter-grad': (a, dtype) => filterGrad(a, rounder(dtype)) } };
