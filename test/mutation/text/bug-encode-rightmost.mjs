// Bug: among occurrences of the lowest-ranked pair, merges the rightmost first ("aaa" with (a, a) → [a, aa]).
import { encodeRescan } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'direction', description: 'right to left: the rightmost occurrence of the best pair first' };
export default { name: 'bug-bpe-encode-rightmost', dtype: 'float32', ops: { 'text.bpe-encode': (a) => encodeRescan(a, { rightmost: true }) } };
