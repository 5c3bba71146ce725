// Correct: the built-in incremental learner (src/impl/tfjs/text.ts: pair counts and word indices kept across merges,
// maximum from a heap with lazy deletion), both pinned tie rules and none. Needs `npm run build`.
import { bpeTrain } from '../../../dist/impl/tfjs/text.js';
export const meta = { op: 'text.bpe-train', kind: 'correct', class: 'standard algorithm', description: 'incremental pair counts with a lazy-deletion heap (the built-in implementation)' };
export default { name: 'zoo-bpe-train-incremental', dtype: 'float32', ops: { 'text.bpe-train': (a) => bpeTrain(a.words, a.merges, { endOfWord: a.endOfWord, tieBreak: a.tieBreak, byteLevel: a.byteLevel, pairCount: a.pairCount }) } };
