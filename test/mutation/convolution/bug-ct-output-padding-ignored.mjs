// Bug: output_padding ignored
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.conv-transpose2d-shape', kind: 'bug', class: 'attribute ignored', description: 'output_padding ignored' };
export default entry('bug-ct-output-padding-ignored', { 'cnn.conv-transpose2d-shape': convTranspose({ noOp: true }) });
