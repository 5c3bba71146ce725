// Bug: dW flipped in both axes (true convolution instead of cross-correlation).
import { rounder, filterGrad } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-filter-grad', kind: 'bug', class: 'convolution vs correlation', description: 'dW flipped in both axes (true convolution instead of cross-correlation)' };
export default { name: 'bug-dw-flipped', dtypes: ['float32', 'float64'], ops: { 'cnn.conv2d-filter-grad': (a, dtype) => filterGrad(a, rounder(dtype), { flip: true }) } };
