// strict IOB2: an I-X that does not continue an X chunk is dropped
import { bioEntry } from './_marg.mjs';
export const meta = { op: 'seq.bio-decode', kind: 'bug', class: 'policy', description: 'strict IOB2: an I-X that does not continue an X chunk is dropped' };
export default bioEntry('bug-bio-strict-drop', { strict: true });
