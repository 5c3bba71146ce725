// backward step uses E_t instead of E_{t+1}
import { margEntry } from './_marg.mjs';
export const meta = { op: 'seq.crf-marginals', kind: 'bug', class: 'indexing', description: 'backward step uses E_t instead of E_{t+1}' };
export default margEntry('bug-marg-beta-off-by-one', { betaOffByOne: true });
