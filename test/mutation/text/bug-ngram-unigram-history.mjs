// Bug: Count(h) taken as the plain unigram count even when the history count is asked for.
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'bug', class: 'history count', description: 'historyCount ignored: always the plain (n−1)-gram count' };
export default entry('bug-ngram-unigram-history', { historyCount: 'ngram' });
