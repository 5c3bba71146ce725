// the chunk open at the end of the sequence is not emitted
import { bioEntry } from './_marg.mjs';
export const meta = { op: 'seq.bio-decode', kind: 'bug', class: 'boundary', description: 'the chunk open at the end of the sequence is not emitted' };
export default bioEntry('bug-bio-drop-last', { dropLast: true });
