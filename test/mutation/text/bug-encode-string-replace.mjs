// Bug: merges by string replacement on the space-joined symbols without boundary checks ("ca b" contains "a b").
import { symbolsOf, ranks, replaceString } from './_bpe.mjs';
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'symbol boundaries', description: 'replace "a b" by "ab" in the space-joined string, across symbol boundaries' };
function encode({ word, merges, endOfWord, byteLevel }) {
  const r = ranks(merges);
  let s = symbolsOf(word, endOfWord, byteLevel);
  for (;;) {
    let best = Infinity, pair = null;
    for (let i = 0; i + 1 < s.length; i++) { const k = r.get(JSON.stringify([s[i], s[i + 1]])); if (k !== undefined && k < best) { best = k; pair = [s[i], s[i + 1]]; } }
    if (!pair) return s;
    const t = replaceString(s, pair[0], pair[1]);
    if (t.length === s.length) return s;
    s = t;
  }
}
export default { name: 'bug-bpe-encode-string-replace', dtype: 'float32', ops: { 'text.bpe-encode': encode } };
