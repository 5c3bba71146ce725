// Bug: normalised by N − 1.
import { entry } from './_ppl.mjs';
export const meta = { op: 'text.perplexity', kind: 'bug', class: 'normalisation', description: 'H = −Σ ln p/(N − 1)' };
export default entry('bug-ppl-n-minus-1', { nMinus1: true });
