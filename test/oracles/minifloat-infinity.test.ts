/**
 * Casting ±∞ to the float8 formats without infinities under saturate (glossary float8-fnuz-infinity):
 * ONNX's Cast table says NaN, ONNX's reference implementation returns ±max; lemmata admits both there
 * and nowhere else.
 */
import { describe, it, expect } from 'vitest';
import { MINIFLOATS, miniEncode, miniMaxCode, miniNanCodes } from '../../src/oracles/quantisation.js';

describe('float8 casts of ±∞ and of finite overflow', () => {
  it('FNUZ formats with saturate: ±∞ → ±max or NaN (both admissible); finite overflow → ±max only', () => {
    for (const f of [MINIFLOATS.E4M3FNUZ, MINIFLOATS.E5M2FNUZ]) {
      const max = miniMaxCode(f), nan = miniNanCodes(f);
      expect(miniEncode(f, Infinity, true).sort()).toEqual([max, ...nan].sort());
      expect(miniEncode(f, -Infinity, true).sort()).toEqual([0x80 | max, ...nan].sort());
      expect(miniEncode(f, 1e30, true)).toEqual([max]);
      expect(miniEncode(f, -1e30, true)).toEqual([0x80 | max]);
      expect(miniEncode(f, Infinity, false)).toEqual(nan); // no infinity, no saturation: NaN in both ONNX sources
    }
  });
  it('formats with a saturating or IEEE infinity keep one answer: E4M3FN ±∞ → ±max, E5M2 ±∞ → ±max (saturate) or ±∞', () => {
    expect(miniEncode(MINIFLOATS.E4M3FN, Infinity, true)).toEqual([miniMaxCode(MINIFLOATS.E4M3FN)]);
    expect(miniEncode(MINIFLOATS.E4M3FN, Infinity, false)).toEqual(miniNanCodes(MINIFLOATS.E4M3FN));
    expect(miniEncode(MINIFLOATS.E5M2, -Infinity, true)).toEqual([0x80 | miniMaxCode(MINIFLOATS.E5M2)]);
    expect(miniEncode(MINIFLOATS.E5M2, -Infinity, false)).toEqual([0x80 | (miniMaxCode(MINIFLOATS.E5M2) + 1)]);
  });
});
