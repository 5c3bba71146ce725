// Bug: stride 1 used in the gather whatever the stride.
import { rounder, filterGrad } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-filter-grad', kind: 'bug', class: 'argument ignored', description: 'stride 1 used in the gather whatever the stride' };
export default { name: 'bug-dw-stride-ignored', dtypes: ['float32', 'float64'], ops: { 'cnn.conv2d-filter-grad': (a, dtype) => filterGrad(a, rounder(dtype), { ignoreStride: true }) } };
