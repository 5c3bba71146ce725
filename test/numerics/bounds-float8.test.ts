/** The float8 dequantize bound (src/numerics/bounds-float8.ts): the correct product fl32(s·v) is within it for every code; a bfloat16 product and a truncated one are not. */
import { test, expect } from 'vitest';
import { float8DequantizeBound } from '../../src/numerics/bounds-float8.js';
import { precisionOf } from '../../src/numerics/bounds.js';
import { MINIFLOATS, miniDecode, dequantizeFloat8 } from '../../src/oracles/quantisation.js';
import { Rational } from '../../src/numerics/rational.js';
import { roundToNumber, BFLOAT16 } from '../../src/numerics/float-format.js';

const p32 = precisionOf({ dtype: 'float32' });
const scales = [Math.fround(0.1), Math.fround(3.7e-3), Math.fround(1 / 3), Math.fround(2 ** -140 * 3), 2 ** -5, Math.fround(123.456)];
const within = (got: number, want: Rational) => Rational.fromFloat64(got).sub(want).abs().le(Rational.fromFloat64(float8DequantizeBound(Math.abs(want.toFloat64()) * (1 + 2 ** -50), p32)));

test('fl32(s·v) is within u|s·v| + η/2 for every finite code of every format and several scales', () => {
  for (const f of Object.values(MINIFLOATS).filter((m) => m.name !== 'E2M1')) for (const s of scales) for (let c = 0; c < 256; c++) {
    const d = miniDecode(f, c);
    if (d.kind !== 'finite') continue;
    const want = dequantizeFloat8(c, Rational.fromFloat64(s), f);
    const v = (d.neg ? -1 : 1) * d.value.toFloat64();
    expect(within(Math.fround(v * s), want), `${f.name} ${c} ${s}`).toBe(true);
  }
});

test('a bfloat16 product and a truncated float32 product exceed the bound', () => {
  const f = MINIFLOATS.E4M3FN, s = Math.fround(0.1);
  let bf = 0, trunc = 0;
  for (let c = 1; c < 126; c++) {
    const want = dequantizeFloat8(c, Rational.fromFloat64(s), f);
    const v = (miniDecode(f, c) as { value: Rational }).value.toFloat64();
    if (!within(roundToNumber(Rational.fromFloat64(v).mul(Rational.fromFloat64(s)), BFLOAT16), want)) bf++;
    const t = Math.fround(v * s), exact = want.toFloat64();
    const truncated = Math.abs(t) > Math.abs(exact) ? Math.fround(t - Math.sign(t) * Math.abs(t) * 2 ** -23) : t; // toward zero, one ulp below when rounded up
    if (!within(truncated, want) || truncated === t) trunc += truncated === t ? 0 : 1;
  }
  expect(bf).toBeGreaterThan(50);
  expect(trunc).toBeGreaterThan(0);
});
