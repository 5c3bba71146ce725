// Bug: ceil mode (PyTorch ceil_mode=True): ⌈(W − K)/S⌉ + 1.
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.pool2d-shape', kind: 'bug', class: 'rounding mode', description: 'ceil mode (PyTorch ceil_mode=True): ⌈(W − K)/S⌉ + 1' };
export default { name: 'bug-pool-ceil-mode', dtype: 'float32', ops: { 'cnn.pool2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw] }) => [Math.ceil((height - kh) / sh) + 1, Math.ceil((width - kw) / sw) + 1] } };
