/**
 * js-tiktoken against lemmata's exact rank segmenter (bpeSegment, byte-level).
 *
 * 1. Real tables (gpt2, cl100k_base): tiktoken ranks TOKENS, so a merge list is derived from the
 *    table — each token of rank ≥ 256... in rank order, split by running tiktoken's own merge loop
 *    on its bytes with only lower-ranked tokens: the two parts are the merge (the conversion HF uses
 *    for tiktoken vocabularies). Then for the notes' words (test/data/notes-word-counts.tsv, each
 *    — the first 600 — with a leading space as GPT-style text has it), cut into pieces by the table's own pat_str,
 *    lemmata's byte-level rank segmentation with that list equals tiktoken's tokens, piece by piece.
 * 2. Small custom tables through the adapter (clients/js/tiktoken-adapter.mjs): agreement on
 *    learned lists; the one difference of rule (rank of the result string, not of the pair) shown
 *    on [(b, c), (a, b), (ab, c)] and "abc".
 * A missing js-tiktoken makes the import fail: the test fails loudly.
 */
import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tiktoken } from 'js-tiktoken/lite';
import gpt2 from 'js-tiktoken/ranks/gpt2';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { BYTE_TO_UNICODE, bpeLearn, bpeSegment, tieBreaks } from '../../src/oracles/text.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const adapterPath = path.join(here, '../../clients/js/tiktoken-adapter.mjs');
const words = fs.readFileSync(path.join(here, '../data/notes-word-counts.tsv'), 'utf8').trimEnd().split('\n').map((l) => l.split('\t')[0]!);

interface Table { pat_str: string; special_tokens: Record<string, number>; bpe_ranks: string }

/** token bytes (as GPT-2 characters) → rank, and the derived merge list in rank order. */
function mergesFromTable(t: Table): [string, string][] {
  const rank = new Map<string, number>();
  for (const line of t.bpe_ranks.split('\n').filter(Boolean)) {
    const [, off, ...toks] = line.split(' ');
    toks.forEach((tok, i) => rank.set(Array.from(Buffer.from(tok, 'base64'), (b) => BYTE_TO_UNICODE[b]!).join(''), Number(off) + i));
  }
  const byRank = [...rank].sort((x, y) => x[1] - y[1]);
  const merges: [string, string][] = [];
  for (const [tok, r] of byRank) {
    const parts = Array.from(tok);
    if (parts.length < 2) continue;
    for (;;) { // tiktoken's loop, lower ranks only
      let best = Infinity, at = -1;
      for (let i = 0; i + 1 < parts.length; i++) { const q = rank.get(parts[i]! + parts[i + 1]!); if (q !== undefined && q < r && q < best) { best = q; at = i; } }
      if (at < 0) break;
      parts.splice(at, 2, parts[at]! + parts[at + 1]!);
    }
    expect(parts.length).toBe(2); // every multi-byte token is a merge of two lower-ranked tokens
    merges.push([parts[0]!, parts[1]!]);
  }
  return merges;
}

describe('js-tiktoken', () => {
  for (const [name, table] of [['gpt2', gpt2 as Table], ['cl100k_base', cl100k as Table]] as const) {
    test(`${name}: lemmata's byte-level rank segmentation with the derived merges = tiktoken on the notes' words`, () => {
      const enc = new Tiktoken(table);
      const merges = mergesFromTable(table);
      expect(merges.length).toBeGreaterThan(name === 'gpt2' ? 49000 : 99000);
      const re = new RegExp(table.pat_str, 'gu');
      const sample = words.slice(0, 600);
      // Only merges whose result occurs inside some piece can fire; dropping the others keeps the
      // relative ranks and every segmentation (and makes each call cheap).
      const joined = sample.map((w) => Array.from(new TextEncoder().encode(' ' + w), (b) => BYTE_TO_UNICODE[b]!).join('')).join('\u0000');
      const live = merges.filter(([a, b]) => joined.includes(a + b));
      let checked = 0;
      for (const w of sample) {
        const text = ' ' + w;
        // tiktoken's tokens as GPT-2 characters
        const tk = enc.encode(text).map((id) => Array.from(bytesOfToken(enc, id), (b) => BYTE_TO_UNICODE[b]!).join(''));
        const ours = [...text.matchAll(re)].flatMap((m) => bpeSegment(m[0], live, { endOfWord: '', byteLevel: true }));
        checked++;
        expect([w, ours]).toEqual([w, tk]);
      }
      expect(checked).toBe(600);
    }, 120_000);
  }

  test('custom tables: learned lists agree; the result-string rank differs from the pair rank on [(b, c), (a, b), (ab, c)]', async () => {
    const ad = (await import(adapterPath)).default;
    const enc = (word: string, merges: [string, string][], byteLevel = false) => ad.ops['text.bpe-encode']({ word, merges, endOfWord: '', byteLevel });
    expect(enc('abc', [['b', 'c'], ['a', 'b'], ['ab', 'c']])).toEqual(['abc']);
    expect(bpeSegment('abc', [['b', 'c'], ['a', 'b'], ['ab', 'c']], { endOfWord: '' })).toEqual(['a', 'bc']);
    const corpus = { ' the': 5, ' then': 2, ' café': 3, 'naïve': 2, '€€': 1 };
    const m = bpeLearn(corpus, 30, { endOfWord: '', tieBreak: tieBreaks.hfSmallestId, byteLevel: true }).merges;
    for (const w of [...Object.keys(corpus), ' theca', 'x€é']) expect(enc(w, m, true)).toEqual(bpeSegment(w, m, { endOfWord: '', byteLevel: true }));
    expect(() => enc('ab', [], false) && ad.ops['text.bpe-encode']({ word: 'ab', merges: [], endOfWord: '_' })).toThrow(/marker/);
  });
});

/** The bytes of one token id (decode of a single token, re-encoded would lose invalid UTF-8: use the internal map). */
function bytesOfToken(enc: Tiktoken, id: number): Uint8Array {
  return (enc as unknown as { textMap: Map<number, Uint8Array> }).textMap.get(id)!;
}
