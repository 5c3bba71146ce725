// sublinear tf computed as log(1 + c) instead of 1 + log c
import { entry } from './_tfidf.mjs';
export const meta = { op: 'text.tfidf', kind: 'bug', class: 'tf', description: 'sublinear tf computed as log(1 + c) instead of 1 + log c' };
export default entry('bug-tfidf-sublinear-log1p', { sublinearAsLog1p: true });
