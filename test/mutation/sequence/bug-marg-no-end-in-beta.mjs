// end scores missing from the backward initialisation β_{T−1}
import { margEntry } from './_marg.mjs';
export const meta = { op: 'seq.crf-marginals', kind: 'bug', class: 'model', description: 'end scores missing from the backward initialisation β_{T−1}' };
export default margEntry('bug-marg-no-end-in-beta', { noEndInBeta: true });
