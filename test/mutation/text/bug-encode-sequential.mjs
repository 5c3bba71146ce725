// Bug: one left-to-right pass per merge, in list order (the notes' literal reading): a pair that a later merge creates
// is never merged (merges [(x, yz), (y, z)] on "xyz" give [x, yz] instead of [xyz]).
import { symbolsOf, mergeAll } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'rank order', description: 'one pass per merge in list order, missing occurrences created later' };
function encode({ word, merges, endOfWord, byteLevel }) { let s = symbolsOf(word, endOfWord, byteLevel); for (const [a, b] of merges) s = mergeAll(s, a, b); return s; }
export default { name: 'bug-bpe-encode-sequential', dtype: 'float32', ops: { 'text.bpe-encode': encode } };
