// word-punct with ASCII \\w (é, ß, 中 become punctuation runs)
import { entry } from './_pretok.mjs';
export const meta = { op: 'text.pretokenize', kind: 'bug', class: 'word-punct', description: 'word-punct with ASCII \\w (é, ß, 中 become punctuation runs)' };
export default entry('bug-pretok-ascii-word', { asciiWord: true });
