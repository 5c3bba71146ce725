// Correct (needs npm tokenizers): HF tokenizers' BpeTrainer through the lemmata adapter, for the tie rules it can
// follow ('none', 'hf-smallest-id'; byte-level through HF's ByteLevel pre-tokenizer); the pinned rules it cannot follow
// ('lexicographic', 'first-occurrence') and '</w>' with hf-smallest-id are answered by the exact rule of the built-in learner.
import hf from '../../../clients/js/tokenizers-adapter.mjs';
import { bpeTrain } from '../../../dist/impl/tfjs/text.js';
export const meta = { op: 'text.bpe-train', kind: 'correct', class: 'standard library', description: 'HF tokenizers BpeTrainer (none, hf-smallest-id, byte-level)' };
const viaHf = (a) => (a.tieBreak === 'none' || a.tieBreak === 'hf-smallest-id') && [...(a.endOfWord ?? '_')].length <= 1;
export default {
  name: 'zoo-bpe-train-hf', dtype: 'float32',
  ops: { 'text.bpe-train': (a) => (viaHf(a) ? hf.ops['text.bpe-train'](a) : bpeTrain(a.words, a.merges, { endOfWord: a.endOfWord, tieBreak: a.tieBreak, byteLevel: a.byteLevel, pairCount: a.pairCount })) },
};
