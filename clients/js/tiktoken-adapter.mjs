/**
 * lemmata adapter for `js-tiktoken` (OpenAI tiktoken's JavaScript port): text.bpe-encode.
 *
 *   npx lemmata conform --impl clients/js/tiktoken-adapter.mjs --claims 'text.bpe-*'
 *
 * HOW IT MAPS lemmata's CONVENTIONS ONTO TIKTOKEN
 *
 * tiktoken has no merge list: its table ranks TOKENS (byte strings). Encoding a piece starts from
 * its UTF-8 bytes and repeatedly merges the adjacent pair of parts whose CONCATENATION is the
 * lowest-ranked token (leftmost among equals), until no concatenation is a token.
 *
 * 1. Rank table from a merge list: the 256 single bytes get ranks 0..255; merge j's result string,
 *    as bytes, gets rank 256 + j (a string made twice keeps its first rank; a merge whose operands
 *    are not tokens is kept, it just never fires). The Tiktoken class is built with this table
 *    (base64 tokens, "token rank" lines), no special tokens, and pat_str [\s\S]+ — the whole word is
 *    one piece (no pre-tokenisation, like lemmata's op).
 * 2. Symbols: tiktoken works on bytes, so the op must be byte-level: byteLevel true (the word's UTF-8
 *    bytes in GPT-2's alphabet; the adapter maps merges from that alphabet to bytes and tokens back),
 *    or a word and merges entirely of printable ASCII '!'..'~', where code points and byte-level
 *    characters coincide. Anything else is refused with an Error ("unsupported").
 * 3. No end-of-word marker: tiktoken has none (GPT-style BPE marks word STARTS with the space byte
 *    'Ġ' inside the pre-token). endOfWord must be ''.
 * 4. The rule differs from lemmata's in one respect (a real, documented difference, not a bug): the
 *    rank belongs to the result STRING, not to the pair. With merges [(b, c), (a, b), (ab, c)] the
 *    word "abc" is [a, bc] for lemmata (no merge (a, bc)) but [abc] for tiktoken ("abc" is a token).
 *    Lists where every token has a single split into earlier tokens agree.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const version = (() => { try { return require('js-tiktoken/package.json').version; } catch { return 'unknown'; } })();

/** GPT-2 bytes_to_unicode (printable Latin-1 as themselves, the 68 others from U+0100 in order) and its inverse. */
const keep = (b) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
const B2U = [];
{ let n = 0; for (let b = 0; b < 256; b++) B2U.push(String.fromCodePoint(keep(b) ? b : 256 + n++)); }
const U2B = new Map(B2U.map((c, b) => [c, b]));

const toBytes = (sym, byteLevel) => {
  const out = [];
  for (const c of sym) {
    const b = byteLevel ? U2B.get(c) : (c >= '!' && c <= '~' ? c.charCodeAt(0) : undefined);
    if (b === undefined) throw new Error(`symbol ${JSON.stringify(sym)} is not made of ${byteLevel ? 'GPT-2 byte-level characters' : 'printable ASCII'}: tiktoken works on bytes`);
    out.push(b);
  }
  return out;
};
const b64 = (bytes) => Buffer.from(bytes).toString('base64');

/** A Tiktoken instance whose ranks come from a merge list (see 1.). */
export function tiktokenFromMerges(merges, byteLevel) {
  const rank = new Map();
  for (let b = 0; b < 256; b++) rank.set(b64([b]), b);
  merges.forEach(([a, b], j) => {
    const t = b64([...toBytes(a, byteLevel), ...toBytes(b, byteLevel)]);
    if (!rank.has(t)) rank.set(t, 256 + j);
  });
  const bpe_ranks = [...rank].map(([t, r]) => `! ${r} ${t}`).join('\n');
  const bytesOf = new Map([...rank].map(([t, r]) => [r, [...Buffer.from(t, 'base64')]]));
  return { enc: new Tiktoken({ pat_str: '[\\s\\S]+', special_tokens: {}, bpe_ranks }), bytesOf };
}

/** Encode, then return the tokens as symbols (byte-level characters, or ASCII). */
export function encodeSymbols({ enc, bytesOf }, word, byteLevel) {
  return enc.encode(word).map((id) => bytesOf.get(id).map((b) => (byteLevel ? B2U[b] : String.fromCharCode(b))).join(''));
}

function bpeEncode({ word, merges, endOfWord, byteLevel }) {
  if (endOfWord) throw new Error(`endOfWord ${JSON.stringify(endOfWord)}: tiktoken has no end-of-word marker (unsupported)`);
  const bl = byteLevel === true;
  if (!bl && !/^[!-~]*$/.test(word)) throw new Error(`word ${JSON.stringify(word)} outside printable ASCII without byteLevel: tiktoken works on bytes (unsupported)`);
  if (word === '') return [];
  return encodeSymbols(tiktokenFromMerges(merges, bl), word, bl);
}

export default {
  name: `js-tiktoken-${version}`,
  dtype: 'float32',
  ops: { 'text.bpe-encode': bpeEncode },
};
