// Bug: stride ignored, defaulting to the window size.
import { convAxis, poolAxis } from './_shape.mjs';
export const meta = { op: 'cnn.pool2d-shape', kind: 'bug', class: 'argument ignored', description: 'stride ignored, defaulting to the window size' };
export default { name: 'bug-pool-stride-is-kernel', dtype: 'float32', ops: { 'cnn.pool2d-shape': ({ height, width, kernel: [kh, kw] }) => [poolAxis(height, kh, kh), poolAxis(width, kw, kw)] } };
