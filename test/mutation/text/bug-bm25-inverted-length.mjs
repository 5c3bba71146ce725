// avgdl/|d| instead of |d|/avgdl
import { entry } from './_bm25.mjs';
export const meta = { op: 'text.bm25', kind: 'bug', class: 'length normalisation', description: 'avgdl/|d| instead of |d|/avgdl' };
export default entry('bug-bm25-inverted-length', { invertedLength: true });
