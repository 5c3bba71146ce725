// Bug: n·s (nearest-neighbour upsampling size)
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.max-unpool2d-shape', kind: 'bug', class: 'wrong formula', description: 'n·s (nearest-neighbour upsampling size)' };
export default entry('bug-unpool-n-times-s', { 'cnn.max-unpool2d-shape': maxUnpool({ ns: true }) });
