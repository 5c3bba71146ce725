// transition matrix transposed (A[j][i])
import { margEntry } from './_marg.mjs';
export const meta = { op: 'seq.crf-marginals', kind: 'bug', class: 'indexing', description: 'transition matrix transposed (A[j][i])' };
export default margEntry('bug-marg-transposed', { transposed: true });
