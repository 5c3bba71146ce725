// Bug: s·n instead of s(n − 1)
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'bug', class: 'off by one', description: 's·n instead of s(n − 1)' };
export default entry('bug-ct-s-times-n', { 'cnn.conv-transpose2d-shape': convTranspose({ sn: true }) });
