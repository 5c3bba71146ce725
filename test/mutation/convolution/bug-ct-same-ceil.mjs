// Bug: SAME as the forward rule ⌈n/s⌉ instead of n·s
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'bug', class: 'auto_pad', description: 'SAME as the forward rule ⌈n/s⌉ instead of n·s' };
export default entry('bug-ct-same-ceil', { 'cnn.conv-transpose2d-shape': convTranspose({ sameCeil: true }) });
