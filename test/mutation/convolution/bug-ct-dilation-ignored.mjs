// Bug: dilation ignored (k instead of d(k − 1) + 1)
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'bug', class: 'attribute ignored', description: 'dilation ignored (k instead of d(k − 1) + 1)' };
export default entry('bug-ct-dilation-ignored', { 'cnn.conv-transpose2d-shape': convTranspose({ noDil: true }) });
