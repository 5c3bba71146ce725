// Bug: the notes’ (W − K)/S + 1 rounded to nearest.
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.pool2d-shape', kind: 'bug', class: 'rounding mode', description: 'the notes’ (W − K)/S + 1 rounded to nearest' };
export default { name: 'bug-pool-round', dtype: 'float32', ops: { 'cnn.pool2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw] }) => [Math.round((height - kh) / sh) + 1, Math.round((width - kw) / sw) + 1] } };
