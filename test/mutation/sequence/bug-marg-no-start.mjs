// start scores ignored
import { margEntry } from './_marg.mjs';
export const meta = { op: 'seq.crf-marginals', kind: 'bug', class: 'model', description: 'start scores ignored' };
export default margEntry('bug-marg-no-start', { noStart: true });
