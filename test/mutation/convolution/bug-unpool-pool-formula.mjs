// Bug: the pooling formula ⌊(n − k)/s⌋ + 1
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.max-unpool2d-shape', kind: 'bug', class: 'wrong formula', description: 'the pooling formula ⌊(n − k)/s⌋ + 1' };
export default entry('bug-unpool-pool-formula', { 'cnn.max-unpool2d-shape': maxUnpool({ pool: true }) });
