// smooth idf without the +1: ln((1+N)/(1+df))
import { entry } from './_tfidf.mjs';
export const meta = { op: 'text.tfidf', kind: 'bug', class: 'idf', description: 'smooth idf without the +1: ln((1+N)/(1+df))' };
export default entry('bug-tfidf-smooth-no-plus-one', { smoothNoPlusOne: true });
