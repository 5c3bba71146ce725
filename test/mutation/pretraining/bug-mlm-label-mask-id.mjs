// label of a selected position is the [MASK] id instead of the original
import { mlmEntry } from './_mlm.mjs';
export const meta = { op: 'pre.mlm-mask', kind: 'bug', class: 'labels', description: 'label of a selected position is the [MASK] id instead of the original' };
export default mlmEntry('bug-mlm-label-mask-id', { labelMask: true });
