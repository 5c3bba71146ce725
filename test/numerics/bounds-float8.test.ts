/** The float8 dequantize bound (src/numerics/bounds-float8.ts): the correct product fl32(s·v) is within it for every code; a bfloat16 product and a truncated one are not. */
import { test, expect } from 'vitest';
import { float8DequantizeBound, float8DequantizeFloat16Bound } from '../../src/numerics/bounds-float8.js';
import { precisionOf } from '../../src/numerics/bounds.js';
import { MINIFLOATS, miniDecode, dequantizeFloat8 } from '../../src/oracles/quantisation.js';
import { Rational } from '../../src/numerics/rational.js';
import { roundToNumber, BFLOAT16, FLOAT16 } from '../../src/numerics/float-format.js';

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

// storage "float16" (ONNX DequantizeLinear with a float16 scale and output): float16 scales, one rounding to float16
const f16 = (x: number) => roundToNumber(Rational.fromFloat64(x), FLOAT16);
const scales16 = [f16(0.1), f16(3.7e-3), f16(1 / 3), 2 ** -24 * 3, 2 ** -5, f16(123.4), f16(1.1)];
const within16 = (got: number, want: Rational) => Rational.fromFloat64(got).sub(want).abs().le(Rational.fromFloat64(float8DequantizeFloat16Bound(Math.abs(want.toFloat64()) * (1 + 2 ** -50))));

test('float16 result: fl16(s·v) and fl16(fl32(s·v)) are within u16|s·v| + 2⁻²⁴ for every finite code (the product is exact in float32)', () => {
  let n = 0;
  for (const f of Object.values(MINIFLOATS).filter((m) => m.name !== 'E2M1')) for (const s of scales16) for (let c = 0; c < 256; c++) {
    const d = miniDecode(f, c);
    if (d.kind !== 'finite') continue;
    const want = dequantizeFloat8(c, Rational.fromFloat64(s), f);
    if (Math.abs(want.toFloat64()) >= 65504) continue; // beyond float16: outside the domain
    const v = (d.neg ? -1 : 1) * d.value.toFloat64();
    expect(Math.fround(v * s), 'the product is exact in float32').toBe(v * s);
    expect(within16(f16(v * s), want), `${f.name} ${c} ${s}`).toBe(true);
    expect(within16(f16(Math.fround(v * s)), want)).toBe(true);
    n++;
  }
  expect(n).toBeGreaterThan(2000);
});

test('float16 result: a bfloat16 result, a truncated float16 one and a float16 scale rounded again to 8 bits exceed the bound', () => {
  let bf = 0, trunc = 0, scale8 = 0;
  for (const s of scales16) for (let c = 1; c < 126; c++) {
    const want = dequantizeFloat8(c, Rational.fromFloat64(s), MINIFLOATS.E4M3FN);
    const x = want.toFloat64();
    if (Math.abs(x) >= 65504) continue;
    if (!within16(roundToNumber(want, BFLOAT16), want)) bf++;
    const r = f16(x);
    if (Math.abs(r) > Math.abs(x) && !within16(r - Math.sign(r) * 2 ** (Math.floor(Math.log2(Math.abs(r))) - 10), want)) trunc++;
    const v = (miniDecode(MINIFLOATS.E4M3FN, c) as { value: Rational }).value.toFloat64();
    if (!within16(f16(v * roundToNumber(Rational.fromFloat64(s), BFLOAT16)), want)) scale8++;
  }
  expect(bf).toBeGreaterThan(100);
  expect(trunc).toBeGreaterThan(50);
  expect(scale8).toBeGreaterThan(50);
});
