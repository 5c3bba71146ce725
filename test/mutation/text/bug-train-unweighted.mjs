// Bug: pair counts ignore the word frequencies (each word type counts once).
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'counting', description: 'unweighted pair counts' };
export default { name: 'bug-bpe-train-unweighted', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { unweighted: true }) } };
