// Bug: the begin pad subtracted twice (end pad ignored)
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'bug', class: 'padding', description: 'the begin pad subtracted twice (end pad ignored)' };
export default entry('bug-ct-pads-begin-twice', { 'cnn.conv-transpose2d-shape': convTranspose({ beginTwice: true }) });
