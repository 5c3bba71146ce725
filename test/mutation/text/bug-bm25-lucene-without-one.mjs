// lucene idf without the 1 + inside the log (plain RSJ, negative for common terms)
import { entry } from './_bm25.mjs';
export const meta = { op: 'text.bm25', kind: 'bug', class: 'idf', description: 'lucene idf without the 1 + inside the log (plain RSJ, negative for common terms)' };
export default entry('bug-bm25-lucene-without-one', { idfAs: 'rsj' });
