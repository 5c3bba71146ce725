// max-product (Viterbi max-marginals) instead of sum-product
import { margEntry } from './_marg.mjs';
export const meta = { op: 'seq.crf-marginals', kind: 'bug', class: 'algorithm', description: 'max-product (Viterbi max-marginals) instead of sum-product' };
export default margEntry('bug-marg-max-product', { max: true });
