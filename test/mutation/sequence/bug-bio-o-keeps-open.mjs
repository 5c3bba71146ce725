// O does not close a chunk (I-X after O continues it)
import { bioEntry } from './_marg.mjs';
export const meta = { op: 'seq.bio-decode', kind: 'bug', class: 'policy', description: 'O does not close a chunk (I-X after O continues it)' };
export default bioEntry('bug-bio-o-keeps-open', { oKeepsOpen: true });
