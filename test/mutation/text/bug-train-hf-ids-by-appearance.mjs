// Bug: the initial alphabet numbered in order of first appearance in the corpus instead of code-point order (HF sorts
// the alphabet by code point before assigning ids).
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'tie rule', description: 'HF alphabet ids by first appearance, not code point' };
export default { name: 'bug-bpe-train-hf-ids-by-appearance', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { hfIdsBySeen: true }) } };
