// Bug: stride applied before padding: ⌊(W − K)/S⌋ + 1 + 2P.
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'order of operations', description: 'stride applied before padding: ⌊(W − K)/S⌋ + 1 + 2P' };
export default { name: 'bug-conv-stride-before-pad', dtype: 'float32', ops: { 'cnn.conv2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw] }) => [Math.floor((height - kh) / sh) + 1 + 2 * ph, Math.floor((width - kw) / sw) + 1 + 2 * pw] } };
