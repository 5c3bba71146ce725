// Correct: counts, then one division in the request dtype.
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'correct', class: 'count and divide', description: 'c + k over h + kV, one division' };
export default entry('correct-ngram-divide', {});
