// Bug: for each merge in rank order, one pass that merges only its FIRST occurrence ("abab" with (a, b) → [ab, a, b]).
import { symbolsOf, ranks } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'occurrences', description: 'each merge applied to its first occurrence only' };
function encode({ word, merges, endOfWord, byteLevel }) {
  const s = symbolsOf(word, endOfWord, byteLevel);
  const order = [...ranks(merges).entries()].sort((x, y) => x[1] - y[1]).map(([k]) => JSON.parse(k));
  for (const [a, b] of order) { for (let i = 0; i + 1 < s.length; i++) if (s[i] === a && s[i + 1] === b) { s.splice(i, 2, a + b); break; } }
  return s;
}
export default { name: 'bug-bpe-encode-first-occurrence-only', dtype: 'float32', ops: { 'text.bpe-encode': encode } };
