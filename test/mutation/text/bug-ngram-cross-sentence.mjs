// Bug: the sentences are concatenated, so n-grams cross sentence boundaries.
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'bug', class: 'boundaries', description: 'n-grams counted across sentence boundaries' };
export default entry('bug-ngram-cross-sentence', { joinSentences: true });
