/**
 * Generator helpers for ops whose arbitraries document input classes (OpDef.inputClasses): a
 * tagged weighted `oneof` (every generated value carries its class name in `cls`, so a test can
 * measure each class's share), sizes that reach their declared maximum, float64-only values and the
 * per-dtype cast of a generated case.
 *
 * Float64-only inputs: an arbitrary may generate doubles that are not float32 values (full 53-bit
 * significands, where float64 cancellation and rounding bugs show). The property then calls the
 * implementation with `castFloats(args, dtype)`: for a float32 run every float is rounded to
 * float32 first (the implementation and the oracle see the same rounded values), for a float64 run
 * the doubles are sent as they are.
 */
import fc from 'fast-check';

/** A value tagged with its input class. */
export type Tagged<T> = T & { cls: string };

/** Weighted classes, each value tagged with its class name. */
export function classes<T extends object>(spec: readonly { name: string; weight: number; arb: fc.Arbitrary<T> }[]): fc.Arbitrary<Tagged<T>> {
  return fc.oneof(...spec.map((s) => ({ weight: s.weight, arbitrary: s.arb.map((v) => ({ ...v, cls: s.name }) as Tagged<T>) })));
}

/** A size in [min, max] that is exactly `max` in 1 of `every` draws (fc.integer rarely hits the end of a wide range). */
export function sizeUpTo(min: number, max: number, every = 8): fc.Arbitrary<number> {
  if (min >= max) return fc.constant(max);
  return fc.oneof({ weight: 1, arbitrary: fc.constant(max) }, { weight: every - 1, arbitrary: fc.integer({ min, max }) });
}

/** A double with a full 53-bit significand in ±[2^emin, 2^emax) (never a float32 value, never subnormal). */
export function f64Full(emin: number, emax: number): fc.Arbitrary<number> {
  return fc.tuple(fc.bigInt({ min: 1n << 52n, max: (1n << 53n) - 1n }), fc.integer({ min: emin, max: emax - 1 }), fc.boolean())
    .map(([m, e, neg]) => {
      const odd = m | 1n; // odd significand: needs all 53 bits
      const v = Number(odd) * 2 ** (e - 52);
      return neg ? -v : v;
    });
}

/** Round every float of a (nested) argument object to the run's dtype; integers and strings are unchanged. */
export function castFloats<T>(v: T, dtype: 'float32' | 'float64'): T {
  if (dtype === 'float64') return v;
  const go = (x: unknown): unknown => {
    if (typeof x === 'number') { const r = Math.fround(x); return Object.is(r, -0) ? 0 : r; }
    if (Array.isArray(x)) return x.map(go);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, go(y)]));
    return x;
  };
  return go(v) as T;
}

/** The arguments without the class tag. */
export function untag<T extends { cls?: string }>(v: T): Omit<T, 'cls'> {
  const { cls: _c, ...rest } = v;
  return rest;
}

/**
 * A large block of float32 values in [−scale, scale] expanded from one generated 32-bit seed by a
 * xorshift generator (deterministic: the same seed gives the same block). fast-check generates
 * floats one by one, which is too slow for realistic sizes (10⁵ weights); this keeps the values
 * reproducible from the run's seed, at the price of shrinking only through the seed.
 */
export function f32Block(count: number, scale: number): fc.Arbitrary<number[]> {
  return fc.integer({ min: 1, max: 0x7fffffff }).map((seed) => {
    let s = seed >>> 0;
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
      out[i] = Math.fround(((s / 0x100000000) * 2 - 1) * scale);
    }
    return out;
  });
}

/** Flushes |x| < 2⁻¹⁰⁰ to 0: keeps generated values clear of the subnormal range, where the float bound models do not apply. */
export const noSub = (x: number): number => (Math.abs(x) < 2 ** -100 ? 0 : x);

/** An array of exactly n elements. */
export const fixedArray = <T,>(n: number, el: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(el, { minLength: n, maxLength: n });
