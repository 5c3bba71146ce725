// Real library convention (HF tokenizers): a merge list with a repeated pair loaded as is — HF's merge map is built in
// list order, so the pair keeps its LAST rank, where the op keeps the first (clients/js/tokenizers-adapter.mjs drops
// the later duplicates to map the conventions; this entry does not).
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
export const meta = { op: 'text.bpe-encode', kind: 'bug', class: 'repeated pair (real library)', description: 'HF tokenizers BPE.init with the raw merge list: a repeated pair takes its last rank' };
async function encode({ word, merges, endOfWord }) {
  const tk = require('tokenizers');
  // markers of one code point, as the op's symbols; '</w>' stands in as a private-use character
  const pua = '\uE000';
  const m = (s) => s.split('</w>').join(pua);
  const eow = m(endOfWord);
  const text = word + eow;
  if (text === '') return [];
  const hf = merges.map(([a, b]) => [m(a), m(b)]);
  const vocab = {};
  let id = 0;
  const add = (s) => { if (!(s in vocab)) vocab[s] = id++; };
  for (const c of text) add(c);
  for (const [a, b] of hf) { add(a); add(b); add(a + b); }
  const tokenizer = new tk.Tokenizer(tk.BPE.init(vocab, hf));
  const enc = await tokenizer.encode(text);
  return enc.getTokens().map((t) => t.split(pua).join('</w>'));
}
export default { name: 'bug-bpe-encode-hf-raw-merges', dtype: 'float32', ops: { 'text.bpe-encode': encode } };
