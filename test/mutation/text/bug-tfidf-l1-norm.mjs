// rows divided by their L1 norm instead of L2
import { entry } from './_tfidf.mjs';
export const meta = { op: 'text.tfidf', kind: 'bug', class: 'norm', description: 'rows divided by their L1 norm instead of L2' };
export default entry('bug-tfidf-l1-norm', { l1: true });
