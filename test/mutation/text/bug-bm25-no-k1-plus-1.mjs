// numerator tf instead of tf(k1 + 1) (the Lucene ≥ 8 form, a different score)
import { entry } from './_bm25.mjs';
export const meta = { op: 'text.bm25', kind: 'bug', class: 'saturation', description: 'numerator tf instead of tf(k1 + 1) (the Lucene ≥ 8 form, a different score)' };
export default entry('bug-bm25-no-k1-plus-1', { noK1Plus1: true });
