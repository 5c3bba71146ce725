// Bug: the arithmetic mean of 1/p_i instead of the geometric mean.
import { entry } from './_ppl.mjs';
export const meta = { op: 'text.perplexity', kind: 'bug', class: 'mean', description: 'mean(1/p) instead of (Π p)^{−1/N}' };
export default entry('bug-ppl-mean-inverse', { meanInverse: true });
