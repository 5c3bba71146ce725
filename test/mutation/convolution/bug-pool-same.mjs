// Bug: TensorFlow “same” pooling: ⌈W/S⌉.
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.pool2d-shape', kind: 'bug', class: 'padding convention', description: 'TensorFlow “same” pooling: ⌈W/S⌉' };
export default { name: 'bug-pool-same', dtype: 'float32', ops: { 'cnn.pool2d-shape': ({ height, width, stride: [sh, sw] }) => [Math.ceil(height / sh), Math.ceil(width / sw)] } };
