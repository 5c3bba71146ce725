// Bug: the sentencepiece tie rule read backwards — the LONGEST merged string first (SentencePiece keeps the shortest:
// "If the frequency is the same, take shorter symbol", bpe_model_trainer.cc).
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'tie rule', description: 'sentencepiece rule with the longest merged string first' };
export default { name: 'bug-bpe-train-spm-longest-first', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { spmLongest: true }) } };
