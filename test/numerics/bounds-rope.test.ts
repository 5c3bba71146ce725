/**
 * The derivation of src/numerics/bounds-rope.ts (attn.rope-apply) against simulated float32 and float64
 * computations on seeded inputs: the standard orders, the Hugging Face form and a fused multiply-add stay
 * within γ_2(|x_a c| + |x_b s|) of the exact result, and so does nothing cruder — a bfloat16 output, a
 * float32 result in a float64 run, or the γ_1 bound of a single rounding is exceeded. Exact pairs get the
 * bound 0 and must be returned exactly.
 */
import { describe, expect, test } from 'vitest';
import { ropeApplyExact } from '../../src/oracles/attention.js';
import { exactInFormat, ropeApplyEntryBound } from '../../src/numerics/bounds-rope.js';
import { FLOAT32_DEFAULT, precisionOf } from '../../src/numerics/bounds.js';
import { gamma } from '../../src/numerics/float-format.js';
import { Rational } from '../../src/numerics/rational.js';
import { mulberry32 } from '../../src/util/prng.js';

const f = Math.fround;
const p32 = FLOAT32_DEFAULT, p64 = precisionOf({ dtype: 'float64' });
const roundBits = (x: number, bits: number) => { if (x === 0) return 0; const e = Math.floor(Math.log2(Math.abs(x))); const s = 2 ** (e - bits + 1); return Math.round(x / s) * s; };

/** Worst |ô − o| / bound over seeded pairs, for a computation `comp(xa, xb, c, s)` → [o_a, o_b]. */
function worst(dtype: 'float32' | 'float64', comp: (xa: number, xb: number, c: number, s: number) => [number, number], bound = ropeApplyEntryBound): number {
  const rng = mulberry32(dtype === 'float32' ? 13 : 17);
  const r = dtype === 'float32' ? f : (x: number) => x;
  const p = dtype === 'float32' ? p32 : p64;
  let w = 0;
  for (let k = 0; k < 4000; k++) {
    const xa = r((rng() * 2 - 1) * 2 ** Math.floor(rng() * 8 - 4)), xb = r((rng() * 2 - 1) * 2 ** Math.floor(rng() * 8 - 4));
    // near-cancelling tables (x_a c ≈ x_b s) in a quarter of the draws
    const c = r(rng() * 2 - 1), s = k % 4 === 0 && xb !== 0 ? r((xa * c) / xb * (1 + (rng() - 0.5) * 2 ** -10)) : r(rng() * 2 - 1);
    const { out, pairs } = ropeApplyExact({ x: [[xa, xb]], cos: [[c]], sin: [[s]], pairing: 'interleaved' });
    const [ac, bs, bc, as] = pairs[0]![0]!.products;
    const [oa, ob] = comp(xa, xb, c, s);
    for (const [y, q, b] of [[oa, out[0]![0]!, bound(ac, bs, out[0]![0]!, p)], [ob, out[0]![1]!, bound(bc, as, out[0]![1]!, p)]] as const) {
      const err = Rational.fromFloat64(y).sub(q).abs().toFloat64();
      if (err === 0) continue;
      w = Math.max(w, b === 0 ? Infinity : err / b);
    }
  }
  return w;
}

describe('ropeApplyEntryBound (attn.rope-apply)', () => {
  test('two products and a sum, the Hugging Face form and an FMA stay within the bound (float32 and float64)', () => {
    expect(worst('float32', (xa, xb, c, s) => [f(f(xa * c) - f(xb * s)), f(f(xb * c) + f(xa * s))])).toBeLessThanOrEqual(1);
    expect(worst('float32', (xa, xb, c, s) => [f(f(xa * c) + f(f(-xb) * s)), f(f(xb * c) + f(xa * s))])).toBeLessThanOrEqual(1);
    expect(worst('float32', (xa, xb, c, s) => [f(xa * c - f(xb * s)), f(xb * c + f(xa * s))])).toBeLessThanOrEqual(1); // x_a·c exact in a double
    expect(worst('float64', (xa, xb, c, s) => [xa * c - xb * s, xb * c + xa * s])).toBeLessThanOrEqual(1);
  });
  test('a bfloat16 output, float32 arithmetic in a float64 run, or the single-rounding bound γ_1 are exceeded', () => {
    expect(worst('float32', (xa, xb, c, s) => [roundBits(f(f(xa * c) - f(xb * s)), 8), roundBits(f(f(xb * c) + f(xa * s)), 8)])).toBeGreaterThan(1);
    expect(worst('float64', (xa, xb, c, s) => [f(f(xa * c) - f(xb * s)), f(f(xb * c) + f(xa * s))])).toBeGreaterThan(1);
    const gamma1 = (p1: Rational, p2: Rational, o: Rational, p: typeof p32) => (exactInFormat(p1, p) && exactInFormat(p2, p) && exactInFormat(o, p) ? 0 : gamma(1, p.u) * (Math.abs(p1.toFloat64()) + Math.abs(p2.toFloat64())));
    expect(worst('float32', (xa, xb, c, s) => [f(f(xa * c) - f(xb * s)), f(f(xb * c) + f(xa * s))], gamma1)).toBeGreaterThan(1);
  });
  test('exact pairs get the bound 0: the identity table, quarter turns, short significands; a subnormal result is not counted as exact', () => {
    const b = (xa: number, xb: number, c: number, s: number, p = p32) => {
      const { pairs } = ropeApplyExact({ x: [[xa, xb]], cos: [[c]], sin: [[s]], pairing: 'interleaved' });
      const q = pairs[0]![0]!;
      return [ropeApplyEntryBound(q.products[0], q.products[1], q.oa, p), ropeApplyEntryBound(q.products[2], q.products[3], q.ob, p)];
    };
    expect(b(f(0.1), f(-3.7), 1, 0)).toEqual([0, 0]);
    expect(b(f(0.1), f(-3.7), 0, 1)).toEqual([0, 0]);
    expect(b(1.5, -2.25, 0.5, 0.75)).toEqual([0, 0]);
    expect(b(f(0.1), f(0.3), f(0.6), f(0.8)).every((x) => x > 0)).toBe(true);
    expect(b(2 ** -140, 0, 0.5, 0)[0]).toBeGreaterThan(0); // 2^-141 is subnormal in float32 (flush-to-zero may change it)
    expect(b(2 ** -140, 0, 0.5, 0, p64)[0]).toBe(0);
  });
});
