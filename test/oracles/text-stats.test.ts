/** Oracles and bounds of text.pretokenize, text.tfidf and text.bm25 on hand-checked values, and the bounds' derivation: a correct float32 variant passes, wrong ones fail. */
import { describe, it, expect } from 'vitest';
import { pretokenizeUtf16, tfidfOpEnclose, bm25OpEnclose } from '../../src/oracles/text.js';
import { tfidfExpected, bm25Expected } from '../../src/properties/text-stats-shared.js';
import { precisionOf } from '../../src/numerics/bounds.js';
// @ts-expect-error plain JS corpus helper
import { tfidf as tfidfJs } from '../mutation/text/_tfidf.mjs';
// @ts-expect-error plain JS corpus helper
import { bm25 as bm25Js } from '../mutation/text/_bm25.mjs';

const P32 = precisionOf({ dtype: 'float32' });
const inside = (x: number, iv: { lo: number; hi: number }, b: number) => x >= iv.lo - b && x <= iv.hi + b;

describe('pretokenizeUtf16', () => {
  it('reproduces the notes\' "Call 911!" and the GPT-2 pattern on known strings', () => {
    expect(pretokenizeUtf16('Call 911!', 'word-punct')).toEqual([['Call', 0, 4], ['911', 5, 8], ['!', 8, 9]]);
    expect(pretokenizeUtf16("I'll  go!", 'gpt2')).toEqual([['I', 0, 1], ["'ll", 1, 4], [' ', 4, 5], [' go', 5, 8], ['!', 8, 9]]);
    expect(pretokenizeUtf16('a  ', 'gpt2')).toEqual([['a', 0, 1], ['  ', 1, 3]]);
    expect(pretokenizeUtf16("It'S", 'gpt2')).toEqual([['It', 0, 2], ["'", 2, 3], ['S', 3, 4]]);
  });
  it('counts UTF-16 code units and keeps offsets under lower-casing', () => {
    expect(pretokenizeUtf16('😀 ab', 'whitespace-split')).toEqual([['😀', 0, 2], ['ab', 3, 5]]);
    expect(pretokenizeUtf16('İX, y', 'bert', true)).toEqual([['i̇x', 0, 2], [',', 2, 3], ['y', 4, 5]]);
  });
});

describe('tfidf and bm25 oracles', () => {
  it('sklearn smooth idf: docs [a b], [a]: idf(a) = 1, idf(b) = 1 + ln(3/2); l2 rows', () => {
    const r = tfidfOpEnclose({ docs: [['a', 'b'], ['a']], vocab: ['a', 'b'], tf: 'raw', idf: 'smooth', base: 'e', norm: 'l2' });
    const ib = 1 + Math.log(1.5), n = Math.hypot(1, ib);
    expect(r.w[0]![0]!.lo).toBeLessThanOrEqual(1 / n + 1e-15); expect(r.w[0]![0]!.hi).toBeGreaterThanOrEqual(1 / n - 1e-15);
    expect(r.w[0]![1]!.lo).toBeLessThanOrEqual(ib / n + 1e-15); expect(r.w[0]![1]!.hi).toBeGreaterThanOrEqual(ib / n - 1e-15);
    expect(r.w[1]![0]!.lo).toBe(1);
  });
  it('bm25: a query token that is a substring of a document token scores 0; rsj is negative for a term in most documents', () => {
    expect(bm25OpEnclose({ docs: [['cat'], ['a'], ['b']], query: ['at'], k1: 1.2, b: 0.75, idf: 'lucene' }).scores[0]!.hi).toBe(0);
    expect(bm25OpEnclose({ docs: [['a'], ['a'], ['b']], query: ['a'], k1: 1.2, b: 0.75, idf: 'rsj' }).scores[0]!.hi).toBeLessThan(0);
  });
});

describe('the derived bounds: a correct float32 algorithm passes, wrong ones fail', () => {
  const docs = [['a', 'b', 'a', 'c'], ['b', 'c'], ['a', 'a', 'a', 'd', 'c'], ['d']];
  for (const [tf, idf, base, norm] of [['raw', 'smooth', 'e', 'l2'], ['sublinear', 'ratio', '10', 'none'], ['relative', 'natural', 'e', 'l2'], ['log1p', 'plain', '10', 'l2']] as const) {
    it(`tfidf ${tf}/${idf}/${base}/${norm}`, () => {
      const a = { docs, vocab: ['a', 'b', 'c', 'd', 'z'], tf, idf, base, norm };
      const { w, bound } = tfidfExpected(a, P32);
      const ok = tfidfJs(a, 'float32', {}), rec = tfidfJs(a, 'float32', { reciprocal: true }), bad = tfidfJs(a, 'float32', { alwaysLog10: base === 'e', smoothNoPlusOne: idf === 'smooth', dfOccurrences: true });
      const all = (m: number[][]) => m.every((r, i) => r.every((x, j) => inside(x, w[i]![j]!, bound[i]![j]!)));
      expect(all(ok)).toBe(true);
      expect(all(rec)).toBe(true);
      expect(all(bad)).toBe(false);
    });
  }
  for (const idf of ['lucene', 'rsj', 'atire'] as const) {
    it(`bm25 ${idf}`, () => {
      const a = { docs, query: ['a', 'c', 'a', 'zz'], k1: Math.fround(1.2), b: 0.75, idf };
      const { scores, bound } = bm25Expected(a, P32);
      const all = (s: number[]) => s.every((x, i) => inside(x, scores[i]!, bound[i]!));
      expect(all(bm25Js(a, 'float32', {}))).toBe(true);
      expect(all(bm25Js(a, 'float32', { reciprocal: true }))).toBe(true);
      expect(all(bm25Js(a, 'float32', { noK1Plus1: true }))).toBe(false);
      expect(all(bm25Js(a, 'float32', { substring: true, invertedLength: true }))).toBe(false);
    });
  }
});
