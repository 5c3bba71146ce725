// Bug: add-k adds k, not k·V, to the denominator (the estimates no longer sum to 1).
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'bug', class: 'smoothing', description: 'denominator C(h) + k instead of C(h) + kV' };
export default entry('bug-ngram-den-k', { denK: true });
