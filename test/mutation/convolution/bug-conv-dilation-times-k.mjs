// Bug: dilated footprint taken as d·k instead of d(k − 1) + 1.
import { axes } from './_window.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'dilation', description: 'footprint d·k instead of d(k − 1) + 1' };
export default { name: 'bug-conv-dilation-times-k', dtype: 'float32', ops: { 'cnn.conv2d-shape': (a) => axes(a, a.padding, { dilationTimesK: true }) } };
