// Correct: all occurrences of the lowest-ranked pair at once, left to right (subword-nmt apply_bpe, GPT-2 encoder.py).
import { encodeAllAtOnce } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'correct', class: 'standard algorithm', description: 'subword-nmt / GPT-2: replace every occurrence of the lowest-ranked pair, repeat' };
export default { name: 'zoo-bpe-encode-all-at-once', dtype: 'float32', ops: { 'text.bpe-encode': (a) => encodeAllAtOnce(a) } };
