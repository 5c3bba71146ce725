/**
 * The byte-level alphabet and the HF tie rule of the BPE oracle (src/oracles/text.ts), checked
 * against independent sources: HF tokenizers' own byteLevelAlphabet(), TextEncoder, and hand
 * computations. Wrong variants (an off-by-one table, code-unit ids) are shown to fail.
 */
import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { BYTE_TO_UNICODE, byteLevelChars, bpeLearn, bpeSegment, tieBreaks, initialSymbols } from '../../src/oracles/text.js';
import { bpeTrain, bpeEncode } from '../../src/impl/tfjs/text.js';

const require = createRequire(import.meta.url);

describe('GPT-2 byte-to-unicode alphabet', () => {
  test('a bijection of the 256 bytes onto printable, non-space characters; the documented values', () => {
    expect(new Set(BYTE_TO_UNICODE).size).toBe(256);
    expect(BYTE_TO_UNICODE.every((c) => /^[^\s\p{C}]$/u.test(c))).toBe(true);
    expect(BYTE_TO_UNICODE[32]).toBe('Ġ'); // space
    expect(BYTE_TO_UNICODE[10]).toBe('Ċ'); // newline
    expect(BYTE_TO_UNICODE[9]).toBe('ĉ'); // tab
    expect(BYTE_TO_UNICODE[0]).toBe('Ā');
    expect(BYTE_TO_UNICODE[127]).toBe('ġ');
    expect(BYTE_TO_UNICODE[173]).toBe('Ń'); // soft hyphen, the last non-printable byte
    expect(BYTE_TO_UNICODE[65]).toBe('A');
    expect(BYTE_TO_UNICODE[255]).toBe('ÿ');
    // the largest code point used is U+0143 (256 + 68 − 1)
    expect(Math.max(...BYTE_TO_UNICODE.map((c) => c.codePointAt(0)!))).toBe(0x143);
  });

  test('the same SET as HF tokenizers byteLevelAlphabet() (an independent implementation)', () => {
    const tk = require('tokenizers');
    const hf: string[] = tk.byteLevelAlphabet();
    expect([...hf].sort()).toEqual([...BYTE_TO_UNICODE].sort());
  });

  test('an off-by-one table (non-printable bytes from U+0101) is a different alphabet — the check above would catch it', () => {
    let next = 257;
    const wrong = Array.from({ length: 256 }, (_, b) => ((b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255) ? String.fromCodePoint(b) : String.fromCodePoint(next++)));
    expect([...wrong].sort()).not.toEqual([...BYTE_TO_UNICODE].sort());
  });

  test('byteLevelChars = UTF-8 bytes (TextEncoder) through the table, for 1- to 4-byte characters', () => {
    for (const s of ['', 'a', ' é', '€', '😀', 'naïve café', '\u0000\u007f\u00ad']) {
      expect(byteLevelChars(s)).toEqual(Array.from(new TextEncoder().encode(s), (b) => BYTE_TO_UNICODE[b]));
    }
    expect(byteLevelChars(' the')).toEqual(['Ġ', 't', 'h', 'e']);
    expect(byteLevelChars('€')).toEqual(['â', 'Ĥ', '¬']);
    expect(initialSymbols('é', '_', true)).toEqual(['Ã', '©', '_']);
    expect(() => byteLevelChars('\ud800')).toThrow(RangeError);
  });
});

describe('HF smallest-id tie rule', () => {
  test('ids by code point, then merge results: the notes corpus and a hand-checked corpus', () => {
    // {ab: 2, ca: 1, bca: 1}, no marker: counts (a,b) 2, (c,a) 2, (b,c) 1. ids a=0 b=1 c=2 → (a,b)=(0,1) < (c,a)=(2,0)
    const r = bpeLearn({ ab: 2, ca: 1, bca: 1 }, 6, { endOfWord: '', tieBreak: tieBreaks.hfSmallestId });
    expect(r.merges[0]).toEqual(['a', 'b']);
    // after it: (c,a) 2 alone
    expect(r.merges[1]).toEqual(['c', 'a']);
    // step 3: (b, ca) 1 is the only pair left (ab and ca are single symbols)
    expect(r.merges).toEqual([['a', 'b'], ['c', 'a'], ['b', 'ca']]);
    // a merged symbol's id is its creation order, not its string order: {abx: 2, ab: 1, cx: 2} merges (a, b) (count 3),
    // then (ab, x) and (c, x) tie at 2; ids a=0 b=1 c=2 x=3 ab=4, so HF takes (c, x) = (2, 3), lexicographic (ab, x)
    const z = bpeLearn({ abx: 2, ab: 1, cx: 2 }, 2, { endOfWord: '', tieBreak: tieBreaks.hfSmallestId });
    expect(z.merges).toEqual([['a', 'b'], ['c', 'x']]);
    expect(bpeLearn({ abx: 2, ab: 1, cx: 2 }, 2, { endOfWord: '', tieBreak: tieBreaks.lexicographic }).merges).toEqual([['a', 'b'], ['ab', 'x']]);
  });

  test('the built-in learner follows the rule exactly (code points and byte-level)', () => {
    const corpora: Record<string, number>[] = [{ low: 5, lower: 2, newest: 6, widest: 3 }, { 'café': 3, 'naïve': 2, '€5': 2, ' the': 4 }, { aaab: 3, abab: 3, ba: 2 }];
    for (const c of corpora) {
      for (const byteLevel of [false, true]) {
        for (const eow of ['', '_']) {
          expect(bpeTrain(c, 40, { endOfWord: eow, tieBreak: 'hf-smallest-id', byteLevel })).toEqual(bpeLearn(c, 40, { endOfWord: eow, tieBreak: tieBreaks.hfSmallestId, byteLevel }).merges);
        }
      }
    }
  });

  test('byte-level encoding: built-in = oracle; a code-point merge never applies to byte-level input', () => {
    const merges: [string, string][] = [['Ã', '©'], ['c', 'a'], ['ca', 'f'], ['caf', 'Ã©']];
    expect(bpeSegment('café', merges, { endOfWord: '', byteLevel: true })).toEqual(['café'.replace('é', 'Ã©')]);
    expect(bpeEncode('café', merges, { endOfWord: '', byteLevel: true })).toEqual(['cafÃ©']);
    expect(bpeEncode('café', [['f', 'é']], { endOfWord: '', byteLevel: true })).toEqual(['c', 'a', 'f', 'Ã', '©']);
  });
});
