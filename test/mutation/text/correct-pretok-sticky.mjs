// Correct: a sticky regular expression tried at each position, unmatched characters skipped
import { entry } from './_pretok.mjs';
export const meta = { op: 'text.pretokenize', kind: 'correct', class: 'sticky scan', description: 'Correct: a sticky regular expression tried at each position, unmatched characters skipped' };
export default entry('correct-pretok-sticky', { sticky: true });
