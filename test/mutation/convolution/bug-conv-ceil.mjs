// Bug: ceil instead of floor: ⌈(W − K + 2P)/S⌉ + 1.
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'rounding mode', description: 'ceil instead of floor: ⌈(W − K + 2P)/S⌉ + 1' };
export default { name: 'bug-conv-ceil', dtype: 'float32', ops: { 'cnn.conv2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw] }) => [Math.ceil((height - kh + 2 * ph) / sh) + 1, Math.ceil((width - kw + 2 * pw) / sw) + 1] } };
