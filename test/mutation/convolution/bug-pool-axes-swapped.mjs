// Bug: window and stride read as [w, h].
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.pool2d-shape', kind: 'bug', class: 'axis mix-up', description: 'window and stride read as [w, h]' };
export default { name: 'bug-pool-axes-swapped', dtype: 'float32', ops: { 'cnn.pool2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw] }) => [poolAxis(height, kw, sw), poolAxis(width, kh, sh)] } };
