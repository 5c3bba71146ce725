// Bug: the end-of-word marker appended as characters ("</w>" becomes <, /, w, >), not as one symbol.
import { encodeRescan } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'end of word', description: 'marker split into code points' };
export default { name: 'bug-bpe-encode-marker-chars', dtype: 'float32', ops: { 'text.bpe-encode': (a) => encodeRescan({ ...a, word: a.word + a.endOfWord, endOfWord: '' }) } };
