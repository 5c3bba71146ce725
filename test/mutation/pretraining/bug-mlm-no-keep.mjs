// no unchanged branch: 80 % [MASK], 20 % random
import { mlmEntry } from './_mlm.mjs';
export const meta = { op: 'pre.mlm-mask', kind: 'bug', class: 'proportions', description: 'no unchanged branch: 80 % [MASK], 20 % random' };
export default mlmEntry('bug-mlm-no-keep', { noKeep: true });
