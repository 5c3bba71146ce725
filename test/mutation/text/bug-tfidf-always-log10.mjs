// log10 whatever the base
import { entry } from './_tfidf.mjs';
export const meta = { op: 'text.tfidf', kind: 'bug', class: 'base', description: 'log10 whatever the base' };
export default entry('bug-tfidf-always-log10', { alwaysLog10: true });
