// labels set at every position (no −100 for unselected ones)
import { mlmEntry } from './_mlm.mjs';
export const meta = { op: 'pre.mlm-mask', kind: 'bug', class: 'labels', description: 'labels set at every position (no −100 for unselected ones)' };
export default mlmEntry('bug-mlm-labels-everywhere', { labelsEverywhere: true });
