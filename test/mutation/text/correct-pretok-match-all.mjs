// Correct: matchAll with the scheme pattern
import { entry } from './_pretok.mjs';
export const meta = { op: 'text.pretokenize', kind: 'correct', class: 'one global regular expression', description: 'Correct: matchAll with the scheme pattern' };
export default entry('correct-pretok-match-all', {});
