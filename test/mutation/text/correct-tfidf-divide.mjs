// Correct: per-entry tf·idf, rows divided by the L2 norm
import { entry } from './_tfidf.mjs';
export const meta = { op: 'text.tfidf', kind: 'correct', class: 'count, weight, normalise', description: 'Correct: per-entry tf·idf, rows divided by the L2 norm' };
export default entry('correct-tfidf-divide', {});
