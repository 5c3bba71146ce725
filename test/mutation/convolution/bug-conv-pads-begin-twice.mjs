// Bug: asymmetric pads read as symmetric: the begin pad used on both sides (ONNX pads [x1_begin, x2_begin, …] misread).
import { axes } from './_window.mjs';
export const meta = { op: 'cnn.conv2d-shape', kind: 'bug', class: 'padding', description: 'pads: begin used for both sides' };
export default { name: 'bug-conv-pads-begin-twice', dtype: 'float32', ops: { 'cnn.conv2d-shape': (a) => axes(a, a.padding, { beginTwice: true }) } };
