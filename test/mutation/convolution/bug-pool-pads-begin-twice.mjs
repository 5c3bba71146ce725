// Bug: pooling pads read as symmetric: the begin pad used on both sides.
import { axes } from './_window.mjs';
export const meta = { op: 'cnn.pool2d-shape', kind: 'bug', class: 'padding', description: 'pads: begin used for both sides' };
export default { name: 'bug-pool-pads-begin-twice', dtype: 'float32', ops: { 'cnn.pool2d-shape': (a) => axes(a, [0, 0], { beginTwice: true }) } };
