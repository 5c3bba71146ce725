// relative tf divides by the count of vocabulary tokens, not the document length
import { entry } from './_tfidf.mjs';
export const meta = { op: 'text.tfidf', kind: 'bug', class: 'tf', description: 'relative tf divides by the count of vocabulary tokens, not the document length' };
export default entry('bug-tfidf-relative-vocab-length', { lenInVocab: true });
