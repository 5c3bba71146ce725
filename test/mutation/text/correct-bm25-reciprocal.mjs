// Correct: the tf factor as a product with the reciprocal denominator
import { entry } from './_bm25.mjs';
export const meta = { op: 'text.bm25', kind: 'correct', class: 'reciprocal', description: 'Correct: the tf factor as a product with the reciprocal denominator' };
export default entry('correct-bm25-reciprocal', { reciprocal: true });
