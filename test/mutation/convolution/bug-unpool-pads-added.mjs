// Bug: pads added instead of removed
import { entry, convTranspose, maxUnpool } from './_transpose.mjs';
export const meta = { op: 'cnn.max-unpool2d-shape', kind: 'bug', class: 'padding', description: 'pads added instead of removed' };
export default entry('bug-unpool-pads-added', { 'cnn.max-unpool2d-shape': maxUnpool({ padsAdded: true }) });
