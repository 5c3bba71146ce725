// Bug: dilation ignored (the kernel's footprint taken as k instead of d(k − 1) + 1).
import { axes } from './_window.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'dilation', description: 'dilation ignored: footprint k instead of d(k − 1) + 1' };
export default { name: 'bug-conv-dilation-ignored', dtype: 'float32', ops: { 'cnn.conv2d-shape': (a) => axes(a, a.padding, { ignoreDilation: true }) } };
