// Bug: kernel, stride and padding read as [w, h].
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'axis mix-up', description: 'kernel, stride and padding read as [w, h]' };
export default { name: 'bug-conv-axes-swapped', dtype: 'float32', ops: { 'cnn.conv2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw] }) => [convAxis(height, kw, sw, pw), convAxis(width, kh, sh, ph)] } };
