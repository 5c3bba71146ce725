// Bug: the history count is always Σ_w Count(h, w), even when the plain count is asked for.
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'bug', class: 'history count', description: 'historyCount ignored: always the history count' };
export default entry('bug-ngram-always-history', { historyCount: 'history' });
