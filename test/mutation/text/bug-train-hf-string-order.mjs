// Bug: the HF tie rule taken to be string order of the pair; HF compares ids, and a merged symbol's id is its creation
// order ("ab" created after "c" has the larger id although "ab" < "c" as strings).
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'tie rule', description: 'hf-smallest-id as lexicographic string order' };
export default { name: 'bug-bpe-train-hf-string-order', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { hfAsString: true }) } };
