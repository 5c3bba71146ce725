// Bug: the + 1 dropped: ⌊(W − K + 2P)/S⌋ (at least 1).
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'off by one', description: 'the + 1 dropped: ⌊(W − K + 2P)/S⌋ (at least 1)' };
export default { name: 'bug-conv-no-plus-one', dtype: 'float32', ops: { 'cnn.conv2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw] }) => [Math.max(1, Math.floor((height - kh + 2 * ph) / sh)), Math.max(1, Math.floor((width - kw + 2 * pw) / sw))] } };
