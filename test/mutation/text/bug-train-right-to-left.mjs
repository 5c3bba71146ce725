// Bug: a merge replaces occurrences right to left ("a a a" → "a aa").
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'direction', description: 'merges applied right to left in the corpus' };
export default { name: 'bug-bpe-train-right-to-left', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { rtl: true }) } };
