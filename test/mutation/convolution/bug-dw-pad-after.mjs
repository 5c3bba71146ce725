// Bug: “same” padding with the larger half before instead of TensorFlow’s smaller half.
import { rounder, filterGrad } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-filter-grad', kind: 'bug', class: 'padding convention', description: '“same” padding with the larger half before instead of TensorFlow’s smaller half' };
export default { name: 'bug-dw-pad-after', dtypes: ['float32', 'float64'], ops: { 'cnn.conv2d-filter-grad': (a, dtype) => filterGrad(a, rounder(dtype), { padAfter: true }) } };
