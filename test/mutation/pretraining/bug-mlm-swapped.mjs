// 80/10/10 swapped to 10/80/10 (10 % [MASK], 80 % random)
import { mlmEntry } from './_mlm.mjs';
export const meta = { op: 'pre.mlm-mask', kind: 'bug', class: 'proportions', description: '80/10/10 swapped to 10/80/10 (10 % [MASK], 80 % random)' };
export default mlmEntry('bug-mlm-swapped', { swapped: true });
