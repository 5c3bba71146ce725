// Bug: 0/0 for an unseen history under the MLE returned as NaN.
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'bug', class: 'unseen history', description: 'MLE with an unseen history gives NaN instead of 0' };
export default entry('bug-ngram-nan-unseen', { nanOnZero: true });
