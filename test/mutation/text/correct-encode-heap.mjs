// Correct: one merge at a time with a (rank, position) priority queue over a linked list (HF tokenizers' shape).
import { encodeHeap } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'correct', class: 'standard algorithm', description: 'priority queue of (rank, position), stale entries skipped' };
export default { name: 'zoo-bpe-encode-heap', dtype: 'float32', ops: { 'text.bpe-encode': (a) => encodeHeap(a) } };
