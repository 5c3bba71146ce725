// Bug: bytes taken as Latin-1 code units of the string (charCodeAt & 0xFF) instead of its UTF-8 encoding: right for
// ASCII, wrong for "é" (one byte 0xE9 instead of 0xC3 0xA9) and "€".
import { ranks, byteTable } from './_bpe.mjs';
const table = byteTable();
function encode({ word, merges, endOfWord, byteLevel }) {
  const r = ranks(merges);
  const s = byteLevel ? Array.from(word, (c) => table[c.charCodeAt(0) & 0xff]) : Array.from(word);
  if (endOfWord) s.push(endOfWord);
  for (;;) {
    let best = Infinity, at = -1;
    for (let i = 0; i + 1 < s.length; i++) { const k = r.get(JSON.stringify([s[i], s[i + 1]])); if (k !== undefined && k < best) { best = k; at = i; } }
    if (at < 0) return s;
    s.splice(at, 2, s[at] + s[at + 1]);
  }
}
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'byte-level', description: 'Latin-1 code units instead of UTF-8 bytes' };
export default { name: 'bug-bpe-encode-byte-latin1', dtype: 'float32', ops: { 'text.bpe-encode': encode } };
