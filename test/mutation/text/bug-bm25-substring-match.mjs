// a query token matches every document token containing it (okapibm25)
import { entry } from './_bm25.mjs';
export const meta = { op: 'text.bm25', kind: 'bug', class: 'matching', description: 'a query token matches every document token containing it (okapibm25)' };
export default entry('bug-bm25-substring-match', { substring: true });
