// B-X after an X chunk continues it (B treated as I)
import { bioEntry } from './_marg.mjs';
export const meta = { op: 'seq.bio-decode', kind: 'bug', class: 'policy', description: 'B-X after an X chunk continues it (B treated as I)' };
export default bioEntry('bug-bio-merge-b', { mergeB: true });
