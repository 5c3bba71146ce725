// lower-cases the whole text before splitting (İ → i̇ shifts every later offset)
import { entry } from './_pretok.mjs';
export const meta = { op: 'text.pretokenize', kind: 'bug', class: 'lowercase', description: 'lower-cases the whole text before splitting (İ → i̇ shifts every later offset)' };
export default entry('bug-pretok-lowercase-first', { lowerFirst: true });
