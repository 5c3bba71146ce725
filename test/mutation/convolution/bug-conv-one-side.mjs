// Bug: padding counted on one side only: ⌊(W − K + P)/S⌋ + 1.
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'padding', description: 'padding counted on one side only: ⌊(W − K + P)/S⌋ + 1' };
export default { name: 'bug-conv-one-side', dtype: 'float32', ops: { 'cnn.conv2d-shape': ({ height, width, kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw] }) => [convAxis(height, kh, sh, ph / 2), convAxis(width, kw, sw, pw / 2)].map(Math.floor) } };
