// Bug: the corpus treated as one stream (each word repeated by its count, words concatenated), so pairs across word
// boundaries are counted and merged — merges cross pre-token boundaries.
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'pre-tokens', description: 'pairs counted and merged across word (pre-token) boundaries' };
export default { name: 'bug-bpe-train-across-words', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { acrossWords: true }) } };
