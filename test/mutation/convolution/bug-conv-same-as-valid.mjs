// Bug: auto_pad SAME_UPPER/SAME_LOWER treated as VALID (no padding).
import { axes } from './_window.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'padding', description: 'auto_pad SAME treated as VALID' };
export default { name: 'bug-conv-same-as-valid', dtype: 'float32', ops: { 'cnn.conv2d-shape': (a) => axes(a, a.padding, { sameAsValid: true }) } };
