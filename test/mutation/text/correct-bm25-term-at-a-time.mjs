// Correct: idf times the saturated tf factor, summed per document
import { entry } from './_bm25.mjs';
export const meta = { op: 'text.bm25', kind: 'correct', class: 'term at a time', description: 'Correct: idf times the saturated tf factor, summed per document' };
export default entry('correct-bm25-term-at-a-time', {});
