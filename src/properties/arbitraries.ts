/**
 * Shared fast-check arbitraries. Float inputs are float32 values (exactly representable, so the
 * implementation sees exactly what the oracle converts at the door). Adversarial shapes are
 * mixed in: near-ties, tiny and huge magnitudes, length-1 edge cases.
 */
import fc from 'fast-check';
import { Rational } from '../numerics/rational.js';

/** A float32 in [−max, max] (no NaN/∞), biased towards "nice" values by fast-check. */
export function f32(max: number): fc.Arbitrary<number> {
  const m = Math.fround(max);
  return fc.float({ min: -m, max: m, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
}

/** A float32 of moderate magnitude m·2^e, e in [emin, emax], with a short mantissa so that ties happen. */
export function f32Scaled(emin: number, emax: number): fc.Arbitrary<number> {
  return fc.tuple(fc.integer({ min: -255, max: 255 }), fc.integer({ min: emin, max: emax }))
    .map(([m, e]) => Math.fround(m * 2 ** e));
}

/** Values that are often exactly equal or one float32 ulp apart: near-ties. */
export function f32NearTies(): fc.Arbitrary<number> {
  return fc.tuple(fc.constantFrom(0, 0.5, 1, 2.5, -3), fc.integer({ min: -2, max: 2 }))
    .map(([b, k]) => {
      let x = Math.fround(b);
      const step = b === 0 ? 2 ** -149 : Math.abs(x) * 2 ** -23;
      x = Math.fround(x + k * step);
      return x;
    });
}

/** A mixture: ordinary values, scaled values, near-ties. */
export function f32Mixed(max: number): fc.Arbitrary<number> {
  return fc.oneof({ weight: 4, arbitrary: f32(max) }, { weight: 2, arbitrary: f32Scaled(-12, 3) }, { weight: 1, arbitrary: f32NearTies() });
}

/** A vector of length in [minLength, maxLength] (shrinks towards shorter vectors). */
export function vector(minLength: number, maxLength: number, el: fc.Arbitrary<number>): fc.Arbitrary<number[]> {
  return fc.array(el, { minLength, maxLength });
}

export function matrix(rows: number, cols: number, el: fc.Arbitrary<number>): fc.Arbitrary<number[][]> {
  return fc.array(fc.array(el, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}

/** A small rational p/q. */
export function smallRational(maxNum = 20, maxDen = 12): fc.Arbitrary<Rational> {
  return fc.tuple(fc.integer({ min: -maxNum, max: maxNum }), fc.integer({ min: 1, max: maxDen }))
    .map(([p, q]) => Rational.of(p, q));
}

/** A finite probability vector of length n with rational entries summing to 1 (some may be 0). */
export function probabilityVector(n: number): fc.Arbitrary<Rational[]> {
  return fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
    .map((w) => (w.every((x) => x === 0) ? w.map((_, i) => (i === 0 ? 1 : 0)) : w))
    .map((w) => {
      const tot = w.reduce((a, b) => a + b, 0);
      return w.map((x) => Rational.of(x, tot));
    });
}

export const fmt = (q: Rational): string => q.toString();
