// BERT punctuation ASCII only (Unicode P such as ’ not split)
import { entry } from './_pretok.mjs';
export const meta = { op: 'text.pretokenize', kind: 'bug', class: 'bert', description: 'BERT punctuation ASCII only (Unicode P such as ’ not split)' };
export default entry('bug-pretok-bert-ascii-punct', { asciiPunct: true });
