// idf in log10
import { entry } from './_bm25.mjs';
export const meta = { op: 'text.bm25', kind: 'bug', class: 'idf', description: 'idf in log10' };
export default entry('bug-bm25-log10', { log10: true });
