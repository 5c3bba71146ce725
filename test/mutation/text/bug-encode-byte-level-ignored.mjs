// Bug: the byteLevel flag dropped on the way to the encoder: the word is split into code points, so byte-level merges
// ("Ã" + "©") never apply to "é" and " " is not "Ġ".
import { encodeRescan } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'byte-level', description: 'byteLevel ignored (code points instead of UTF-8 bytes)' };
export default { name: 'bug-bpe-encode-byte-level-ignored', dtype: 'float32', ops: { 'text.bpe-encode': (a) => encodeRescan(a, { ignoreByteLevel: true }) } };
