// end index exclusive (Python slice convention)
import { bioEntry } from './_marg.mjs';
export const meta = { op: 'seq.bio-decode', kind: 'bug', class: 'indexing', description: 'end index exclusive (Python slice convention)' };
export default bioEntry('bug-bio-end-exclusive', { exclusive: true });
