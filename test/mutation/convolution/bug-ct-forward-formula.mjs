// Bug: the forward convolution formula ⌊(n + pads − d(k − 1) − 1)/s⌋ + 1
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'bug', class: 'wrong formula', description: 'the forward convolution formula ⌊(n + pads − d(k − 1) − 1)/s⌋ + 1' };
export default entry('bug-ct-forward-formula', { 'cnn.conv-transpose2d-shape': convTranspose({ forward: true }) });
