// document frequency counts occurrences, not documents
import { entry } from './_tfidf.mjs';
export const meta = { op: 'text.tfidf', kind: 'bug', class: 'df', description: 'document frequency counts occurrences, not documents' };
export default entry('bug-tfidf-df-occurrences', { dfOccurrences: true });
