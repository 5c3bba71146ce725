// Bug: pooling ignores dilation (MaxPool dilations attribute dropped).
import { axes } from './_window.mjs';
export const meta = { op: 'cnn.pool2d-shape', kind: 'bug', class: 'dilation', description: 'dilation ignored in pooling' };
export default { name: 'bug-pool-dilation-ignored', dtype: 'float32', ops: { 'cnn.pool2d-shape': (a) => axes(a, [0, 0], { ignoreDilation: true }) } };
