// Correct: reciprocal of the denominator, then a product (one more rounding, within γ_5).
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'correct', class: 'reciprocal multiply', description: '(c + k)·(1/(h + kV))' };
export default entry('correct-ngram-reciprocal', { reciprocal: true });
