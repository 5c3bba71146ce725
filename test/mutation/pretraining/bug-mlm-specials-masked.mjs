// special tokens can be selected and masked
import { mlmEntry } from './_mlm.mjs';
export const meta = { op: 'pre.mlm-mask', kind: 'bug', class: 'specials', description: 'special tokens can be selected and masked' };
export default mlmEntry('bug-mlm-specials-masked', { specialsMasked: true });
