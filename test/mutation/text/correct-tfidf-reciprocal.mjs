// Correct: rows multiplied by 1/‖row‖ (one more rounding)
import { entry } from './_tfidf.mjs';
export const meta = { op: 'text.tfidf', kind: 'correct', class: 'reciprocal norm', description: 'Correct: rows multiplied by 1/‖row‖ (one more rounding)' };
export default entry('correct-tfidf-reciprocal', { reciprocal: true });
