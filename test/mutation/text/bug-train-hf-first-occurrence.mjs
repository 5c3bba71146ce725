// Bug: the HF tie rule taken to be "first occurrence in the corpus" (HF aggregates words in a hash map and keeps no
// corpus order; its rule is the smallest (left id, right id)).
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'tie rule', description: 'hf-smallest-id broken by first occurrence' };
export default { name: 'bug-bpe-train-hf-first-occurrence', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { hfAsFirst: true }) } };
