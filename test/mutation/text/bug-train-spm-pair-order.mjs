// Bug: the sentencepiece tie rule taken to be the lexicographic order of the (left, right) pair; SentencePiece compares
// the merged strings, shortest first ((b, b) = "bb" before (ab, c) = "abc" although "ab" < "b").
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'tie rule', description: 'sentencepiece rule as the lexicographic order of the pair' };
export default { name: 'bug-bpe-train-spm-pair-order', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { spmPairOrder: true }) } };
