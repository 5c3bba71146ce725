// Bug: output_shape ignored
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.max-unpool2d-shape', kind: 'bug', class: 'attribute ignored', description: 'output_shape ignored' };
export default entry('bug-unpool-output-shape-ignored', { 'cnn.max-unpool2d-shape': maxUnpool({ noOutShape: true }) });
