// Bug: the merge is a string replacement on the space-joined word without boundary checks (learn_bpe's regex without
// its (?<!\S) … (?!\S) guards): "ca b" matches "a b".
import { train } from './_bpe.mjs';
export const meta = { op: 'text.bpe-train', kind: 'bug', class: 'symbol boundaries', description: 'string replacement across symbol boundaries' };
export default { name: 'bug-bpe-train-string-replace', dtype: 'float32', ops: { 'text.bpe-train': (a) => train(a, { replaceString: true }) } };
