// Bug: k·V added to the numerator as well.
import { entry } from './_ngram.mjs';
export const meta = { op: 'text.ngram-prob', kind: 'bug', class: 'smoothing', description: 'numerator c + kV instead of c + k' };
export default entry('bug-ngram-num-kv', { numKV: true });
