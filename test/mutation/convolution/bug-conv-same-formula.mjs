// Bug: any padding treated as TensorFlow “same”: ⌈W/S⌉ when P > 0.
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'padding convention', description: 'any padding treated as TensorFlow “same”: ⌈W/S⌉ when P > 0' };
export default { name: 'bug-conv-same-formula', dtype: 'float32', ops: { 'cnn.conv2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw] }) => [ph > 0 ? Math.ceil(height / sh) : convAxis(height, kh, sh, 0), pw > 0 ? Math.ceil(width / sw) : convAxis(width, kw, sw, 0)] } };
