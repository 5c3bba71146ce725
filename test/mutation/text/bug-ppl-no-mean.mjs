// Bug: the inverse probability of the test set without the 1/N normalisation.
import { entry } from './_ppl.mjs';
export const meta = { op: 'text.perplexity', kind: 'bug', class: 'normalisation', description: 'exp(−Σ ln p), no 1/N' };
export default entry('bug-ppl-no-mean', { noMean: true });
