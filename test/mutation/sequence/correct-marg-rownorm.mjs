// softmax_j(α_t(j) + β_t(j)) per position
import { margEntry } from './_marg.mjs';
export const meta = { op: 'seq.crf-marginals', kind: 'correct', class: 'row softmax', description: 'softmax_j(α_t(j) + β_t(j)) per position' };
export default margEntry('correct-marg-rownorm', { rowNorm: true });
