// Correct: one merge at a time, lowest rank, leftmost occurrence, by rescanning (tiktoken-style); first rank of a repeated pair.
import { encodeRescan, train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'correct', class: 'standard algorithm', description: 'rescan for the lowest-ranked pair, merge its leftmost occurrence, repeat' };
export default { name: 'zoo-bpe-encode-rescan', dtype: 'float32', ops: { 'text.bpe-encode': (a) => encodeRescan(a), 'text.bpe-train': (a) => train(a) } };
