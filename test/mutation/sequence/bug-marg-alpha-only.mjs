// filtering instead of smoothing: softmax of α_t only (no β)
import { margEntry } from './_marg.mjs';
export const meta = { op: 'seq.crf-marginals', kind: 'bug', class: 'algorithm', description: 'filtering instead of smoothing: softmax of α_t only (no β)' };
export default margEntry('bug-marg-alpha-only', { alphaOnly: true });
