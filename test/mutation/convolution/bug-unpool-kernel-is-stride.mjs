// Bug: k replaced by s: n·s − pads
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.max-unpool2d-shape', kind: 'bug', class: 'wrong formula', description: 'k replaced by s: n·s − pads' };
export default entry('bug-unpool-kernel-is-stride', { 'cnn.max-unpool2d-shape': maxUnpool({ kIsS: true }) });
