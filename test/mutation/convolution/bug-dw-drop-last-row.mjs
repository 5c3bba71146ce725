// Bug: the last row of dy skipped (loop bound off by one).
import { rounder, filterGrad } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-filter-grad', kind: 'bug', class: 'off by one', description: 'the last row of dy skipped (loop bound off by one)' };
export default { name: 'bug-dw-drop-last-row', dtypes: ['float32', 'float64'], ops: { 'cnn.conv2d-filter-grad': (a, dtype) => filterGrad(a, rounder(dtype), { dropLast: true }) } };
