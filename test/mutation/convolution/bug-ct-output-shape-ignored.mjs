// Bug: output_shape ignored (the pads formula used instead)
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'bug', class: 'attribute ignored', description: 'output_shape ignored (the pads formula used instead)' };
export default entry('bug-ct-output-shape-ignored', { 'cnn.conv-transpose2d-shape': convTranspose({ noOutShape: true }) });
