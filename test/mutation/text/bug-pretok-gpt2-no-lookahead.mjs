// GPT-2 pattern without \\s+(?!\\S): a space run keeps the space that belongs to the next word
import { entry } from './_pretok.mjs';
export const meta = { op: 'text.pretokenize', kind: 'bug', class: 'gpt2', description: 'GPT-2 pattern without \\s+(?!\\S): a space run keeps the space that belongs to the next word' };
export default entry('bug-pretok-gpt2-no-lookahead', { noLookahead: true });
