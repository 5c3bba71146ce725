// Bug: the lexicographic tie rule compares the concatenations a + b instead of (a, then b): (ab, a) before (a, bc).
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'tie rule', description: 'lexicographic ties by the merged string instead of the pair' };
export default { name: 'bug-bpe-train-lex-concatenation', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { lexConcat: true }) } };
