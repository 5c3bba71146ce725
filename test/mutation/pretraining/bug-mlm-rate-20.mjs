// selection probability 0.2 instead of 0.15
import { mlmEntry } from './_mlm.mjs';
export const meta = { op: 'pre.mlm-mask', kind: 'bug', class: 'rate', description: 'selection probability 0.2 instead of 0.15' };
export default mlmEntry('bug-mlm-rate-20', { rate: 0.2 });
