import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Rational, bigintBitLength, gcd } from '../../src/numerics/rational.js';
import { nextDown, nextUp } from '../../src/numerics/float-format.js';

const R = Rational;
const SEED = 20240611;
const opts = (numRuns = 300) => ({ seed: SEED, numRuns });

/** Random rationals: numerator up to 2^100, denominator up to 2^80. */
const rat = fc
  .tuple(fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }), fc.bigInt({ min: 1n, max: 2n ** 80n }))
  .map(([n, d]) => R.of(n, d));
const smallRat = fc
  .tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 60n }))
  .map(([n, d]) => R.of(n, d));
const anyRat = fc.oneof(rat, smallRat);
const nonzero = anyRat.filter((q) => !q.isZero());
/** Every finite double, including subnormals and -0. */
const double = fc.double({ noNaN: true, noDefaultInfinity: true });

function isCanonical(q: Rational): boolean {
  return q.den > 0n && gcd(q.num, q.den) === 1n && (q.num !== 0n || q.den === 1n);
}

describe('helpers', () => {
  test('gcd', () => {
    expect(gcd(12n, 18n)).toBe(6n);
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(gcd(0n, -7n)).toBe(7n);
    expect(gcd(0n, 0n)).toBe(0n);
    expect(gcd(2n ** 200n * 3n, 2n ** 100n * 9n)).toBe(2n ** 100n * 3n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }), fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }), (a, b) => {
        const g = gcd(a, b);
        if (g === 0n) return a === 0n && b === 0n;
        return a % g === 0n && b % g === 0n && gcd(a / g, b / g) === 1n;
      }),
      opts(),
    );
  });

  test('gcd (Lehmer) agrees with plain Euclid on large operands', () => {
    const euclid = (a: bigint, b: bigint): bigint => {
      if (a < 0n) a = -a;
      if (b < 0n) b = -b;
      while (b !== 0n) [a, b] = [b, a % b];
      return a;
    };
    const big = fc.bigInt({ min: -(2n ** 1500n), max: 2n ** 1500n });
    fc.assert(
      fc.property(big, big, fc.bigInt({ min: 1n, max: 2n ** 600n }), fc.bigInt({ min: 0n, max: 2n ** 20n }), (a, b, g, k) =>
        gcd(a, b) === euclid(a, b) &&
        gcd(a * g, b * g) === euclid(a * g, b * g) &&
        gcd(a, a * k + 1n) === 1n &&
        gcd(b * k + g, b) === euclid(g, b),
      ),
      opts(300),
    );
    // consecutive Fibonacci numbers: the worst case for Euclid
    let f0 = 0n;
    let f1 = 1n;
    for (let i = 0; i < 2000; i++) [f0, f1] = [f1, f0 + f1];
    expect(gcd(f1, f0)).toBe(1n);
    expect(gcd(f1 * 2n ** 70n * 3n, f0 * 2n ** 65n * 9n)).toBe(2n ** 65n * 3n);
    expect(gcd(2n ** 2000n, 2n ** 1999n * 3n)).toBe(2n ** 1999n);
  });

  test('bigintBitLength', () => {
    expect(bigintBitLength(0n)).toBe(0);
    expect(bigintBitLength(1n)).toBe(1);
    expect(bigintBitLength(5n)).toBe(3);
    expect(bigintBitLength(-8n)).toBe(4);
    expect(bigintBitLength(2n ** 52n)).toBe(53);
    expect(bigintBitLength(2n ** 53n - 1n)).toBe(53);
    expect(bigintBitLength(2n ** 53n)).toBe(54);
    expect(bigintBitLength(2n ** 1000n - 1n)).toBe(1000);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 300n }), (a) => {
        const b = bigintBitLength(a);
        return 1n << BigInt(b - 1) <= a && a < 1n << BigInt(b);
      }),
      opts(),
    );
  });
});

describe('construction and normal form', () => {
  test('of normalises', () => {
    expect(R.of(6, -4).toString()).toBe('-3/2');
    expect(R.of(0, -5)).toBe(R.ZERO);
    expect(R.of(10n, 5n).toString()).toBe('2');
    expect(R.of(-7).den).toBe(1n);
    expect(() => R.of(1, 0)).toThrow(RangeError);
    expect(() => R.of(0.5)).toThrow(RangeError);
    expect(() => R.of(2 ** 53)).toThrow(RangeError);
    expect(() => R.fromInt(1.5)).toThrow(RangeError);
    expect(R.fromInt(-3n).toString()).toBe('-3');
    fc.assert(fc.property(anyRat, isCanonical), opts());
  });

  test('parse', () => {
    const cases: [string, string][] = [
      ['3/4', '3/4'],
      ['-6/8', '-3/4'],
      ['6/-8', '-3/4'],
      [' 42 ', '42'],
      ['-0.125', '-1/8'],
      ['1e-3', '1/1000'],
      ['2.5E+2', '250'],
      ['.5', '1/2'],
      ['5.', '5'],
      ['+0.0', '0'],
      ['-0', '0'],
      ['1.10', '11/10'],
      ['123456789012345678901234567890', '123456789012345678901234567890'],
    ];
    for (const [s, want] of cases) expect(R.parse(s).toString(), s).toBe(want);
    for (const bad of ['', '.', 'e5', '1/2/3', '0x10', 'abc', '1.2.3', 'Infinity']) {
      expect(() => R.parse(bad), bad).toThrow();
    }
    expect(() => R.parse('1/0')).toThrow(RangeError);
    fc.assert(fc.property(anyRat, (q) => R.parse(q.toString()).eq(q)), opts());
  });

  test('toString / toJSON', () => {
    expect(R.of(-1, 3).toString()).toBe('-1/3');
    expect(JSON.stringify({ x: R.of(5, 10) })).toBe('{"x":"1/2"}');
  });
});

describe('field axioms', () => {
  test('addition: associative, commutative, identity, inverse', () => {
    fc.assert(
      fc.property(anyRat, anyRat, anyRat, (a, b, c) => {
        const s = a.add(b);
        return (
          isCanonical(s) &&
          a.add(b).add(c).eq(a.add(b.add(c))) &&
          s.eq(b.add(a)) &&
          a.add(R.ZERO).eq(a) &&
          a.add(a.neg()).isZero() &&
          a.sub(b).eq(a.add(b.neg()))
        );
      }),
      opts(),
    );
  });

  test('multiplication: associative, commutative, identity, inverse, distributive', () => {
    fc.assert(
      fc.property(anyRat, anyRat, anyRat, nonzero, (a, b, c, z) => {
        const p = a.mul(b);
        return (
          isCanonical(p) &&
          a.mul(b).mul(c).eq(a.mul(b.mul(c))) &&
          p.eq(b.mul(a)) &&
          a.mul(R.ONE).eq(a) &&
          z.mul(z.inv()).eq(R.ONE) &&
          a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c))) &&
          isCanonical(a.div(z)) &&
          a.div(z).mul(z).eq(a)
        );
      }),
      opts(),
    );
  });

  test('division by zero and inverse of zero throw', () => {
    expect(() => R.ONE.div(R.ZERO)).toThrow(RangeError);
    expect(() => R.ZERO.inv()).toThrow(RangeError);
    expect(() => R.ZERO.pow(-1)).toThrow(RangeError);
  });

  test('sum, neg, abs, pow', () => {
    expect(R.sum([]).isZero()).toBe(true);
    expect(R.sum([R.of(1, 2), R.of(1, 3), R.of(1, 6)]).eq(R.ONE)).toBe(true);
    expect(R.of(-2, 3).pow(3).toString()).toBe('-8/27');
    expect(R.of(-2, 3).pow(-2).toString()).toBe('9/4');
    expect(R.of(5, 7).pow(0).eq(R.ONE)).toBe(true);
    expect(() => R.ONE.pow(0.5)).toThrow(RangeError);
    fc.assert(
      fc.property(smallRat.filter((q) => !q.isZero()), fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 }), (q, m, n) =>
        q.pow(m).mul(q.pow(n)).eq(q.pow(m + n)),
      ),
      opts(),
    );
  });
});

describe('order and integer rounding', () => {
  test('cmp is a total order consistent with sub', () => {
    fc.assert(
      fc.property(anyRat, anyRat, (a, b) => {
        const c = a.cmp(b);
        return (
          c === a.sub(b).sign() &&
          c === -b.cmp(a) &&
          a.lt(b) === (c < 0) &&
          a.le(b) === (c <= 0) &&
          a.gt(b) === (c > 0) &&
          a.ge(b) === (c >= 0) &&
          a.eq(b) === (c === 0) &&
          R.min(a, b).le(R.max(a, b)) &&
          a.abs().sign() >= 0
        );
      }),
      opts(),
    );
  });

  test('floor / ceil', () => {
    expect(R.of(7, 2).floor()).toBe(3n);
    expect(R.of(-7, 2).floor()).toBe(-4n);
    expect(R.of(7, 2).ceil()).toBe(4n);
    expect(R.of(-7, 2).ceil()).toBe(-3n);
    expect(R.of(-4).floor()).toBe(-4n);
    fc.assert(
      fc.property(anyRat, (q) => {
        const f = R.fromInt(q.floor());
        const c = R.fromInt(q.ceil());
        return f.le(q) && q.lt(f.add(R.ONE)) && c.ge(q) && q.gt(c.sub(R.ONE));
      }),
      opts(),
    );
  });

  test('round modes (table)', () => {
    const modes = ['half-even', 'half-away', 'half-up', 'half-down', 'floor', 'ceil', 'trunc'] as const;
    const table: [string, bigint[]][] = [
      //            even away  up  down floor ceil trunc
      ['5/2', [2n, 3n, 3n, 2n, 2n, 3n, 2n]],
      ['-5/2', [-2n, -3n, -2n, -3n, -3n, -2n, -2n]],
      ['7/2', [4n, 4n, 4n, 3n, 3n, 4n, 3n]],
      ['-7/2', [-4n, -4n, -3n, -4n, -4n, -3n, -3n]],
      ['13/5', [3n, 3n, 3n, 3n, 2n, 3n, 2n]],
      ['-13/5', [-3n, -3n, -3n, -3n, -3n, -2n, -2n]],
      ['12/5', [2n, 2n, 2n, 2n, 2n, 3n, 2n]],
      ['-3', [-3n, -3n, -3n, -3n, -3n, -3n, -3n]],
      ['1/2', [0n, 1n, 1n, 0n, 0n, 1n, 0n]],
      ['-1/2', [0n, -1n, 0n, -1n, -1n, 0n, 0n]],
    ];
    for (const [s, want] of table) {
      const q = R.parse(s);
      modes.forEach((m, k) => expect(q.round(m), `${s} ${m}`).toBe(want[k]));
    }
    expect(R.of(5, 2).round()).toBe(2n);
  });

  test('round to nearest is within 1/2', () => {
    fc.assert(
      fc.property(anyRat, (q) => R.fromInt(q.round()).sub(q).abs().le(R.of(1, 2))),
      opts(),
    );
  });
});

describe('float conversion', () => {
  test('fromFloat64 exact values', () => {
    expect(R.fromFloat64(0.1).toString()).toBe('3602879701896397/36028797018963968');
    expect(R.fromFloat64(-0)).toBe(R.ZERO);
    expect(R.fromFloat64(0.75).toString()).toBe('3/4');
    expect(R.fromFloat64(2 ** 60).toString()).toBe((2n ** 60n).toString());
    expect(R.fromFloat64(Number.MIN_VALUE).eq(R.of(1n, 2n ** 1074n))).toBe(true);
    expect(R.fromFloat64(-Number.MAX_VALUE).eq(R.of(-(2n ** 53n - 1n) * 2n ** 971n))).toBe(true);
    expect(R.fromFloat64(3 * 2 ** -1074).eq(R.of(3n, 2n ** 1074n))).toBe(true);
    expect(() => R.fromFloat64(NaN)).toThrow(RangeError);
    expect(() => R.fromFloat64(Infinity)).toThrow(RangeError);
    expect(() => R.fromFloat64(-Infinity)).toThrow(RangeError);
  });

  test('fromFloat32 requires a float32 value', () => {
    expect(R.fromFloat32(Math.fround(0.1)).toString()).toBe('13421773/134217728');
    expect(() => R.fromFloat32(0.1)).toThrow(RangeError);
    expect(() => R.fromFloat32(NaN)).toThrow(RangeError);
    expect(() => R.fromFloat32(Infinity)).toThrow(RangeError);
  });

  test('float64 round trip for every double', () => {
    fc.assert(
      fc.property(double, (x) => {
        const q = R.fromFloat64(x);
        return isCanonical(q) && q.toFloat64() === x && (x !== 0 || q.isZero());
      }),
      opts(3000),
    );
  });

  test('float32 round trip for every float32', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (f) => R.fromFloat32(f).toFloat32() === f),
      opts(3000),
    );
  });

  test('toFloat32 of a double agrees with Math.fround (single rounding)', () => {
    fc.assert(
      fc.property(double, (x) => Object.is(R.fromFloat64(x).toFloat32(), Math.fround(x)) || (x === 0 && R.fromFloat64(x).toFloat32() === 0)),
      opts(3000),
    );
    // doubles in the float32 subnormal / overflow regions
    fc.assert(
      fc.property(fc.double({ min: -(2 ** -120), max: 2 ** -120, noNaN: true }), (x) => R.fromFloat64(x).toFloat32() === Math.fround(x)),
      opts(1000),
    );
    fc.assert(
      fc.property(fc.double({ min: 2 ** 127, max: 2 ** 129, noNaN: true }), (x) => R.fromFloat64(x).toFloat32() === Math.fround(x)),
      opts(1000),
    );
  });

  test('toFloat32 avoids double rounding', () => {
    // 1 + 2^-24 is the midpoint between float32 neighbours 1 and 1 + 2^-23.
    // q lies just ABOVE it, so binary32(q) = 1 + 2^-23; but the nearest double
    // to q is the midpoint itself, which Math.fround ties to even (= 1).
    const q = R.of(2n ** 70n + 2n ** 46n + 1n, 2n ** 70n); // 1 + 2^-24 + 2^-70
    expect(q.toFloat64()).toBe(1 + 2 ** -24);
    expect(Math.fround(q.toFloat64())).toBe(1);
    expect(q.toFloat32()).toBe(1 + 2 ** -23);
    expect(q.neg().toFloat32()).toBe(-(1 + 2 ** -23));
    // and just below the midpoint the other way round
    const r = R.of(2n ** 70n + 2n ** 46n - 1n, 2n ** 70n);
    expect(r.toFloat32()).toBe(1);
    // exact midpoint: ties to even
    expect(R.of(2n ** 24n + 1n, 2n ** 24n).toFloat32()).toBe(1);
    expect(R.of(2n ** 24n + 3n, 2n ** 24n).toFloat32()).toBe(1 + 2 ** -22);
  });

  test('toFloat32 edge cases', () => {
    expect(R.of(2n ** 128n).toFloat32()).toBe(Infinity);
    // overflow threshold (2 - 2^-24) * 2^127
    expect(R.of((2n ** 25n - 1n) * 2n ** 103n).toFloat32()).toBe(Infinity);
    expect(R.of((2n ** 25n - 1n) * 2n ** 103n - 1n).toFloat32()).toBe(3.4028234663852886e38);
    expect(R.of(-1n, 2n ** 150n).toFloat32()).toBe(-0); // tie with 0 → even (0)
    expect(R.of(3n, 2n ** 151n).toFloat32()).toBe(2 ** -149);
    expect(R.of(1n, 3n).toFloat32()).toBe(Math.fround(1 / 3));
  });

  test('toFloat64 edge cases', () => {
    expect(R.of(1, 3).toFloat64()).toBe(1 / 3);
    expect(R.of(2n ** 1024n).toFloat64()).toBe(Infinity);
    expect(R.of(-(2n ** 1024n)).toFloat64()).toBe(-Infinity);
    // overflow threshold (2 - 2^-53) * 2^1023 = (2^54 - 1) * 2^970
    expect(R.of((2n ** 54n - 1n) * 2n ** 970n).toFloat64()).toBe(Infinity);
    expect(R.of((2n ** 54n - 1n) * 2n ** 970n - 1n).toFloat64()).toBe(Number.MAX_VALUE);
    // subnormals and underflow
    expect(R.of(1n, 2n ** 1075n).toFloat64()).toBe(0); // tie → 0 (even)
    expect(Object.is(R.of(-1n, 2n ** 1075n).toFloat64(), -0)).toBe(true);
    expect(R.of(1n, 2n ** 1075n - 1n).toFloat64()).toBe(Number.MIN_VALUE);
    expect(R.of(3n, 2n ** 1075n).toFloat64()).toBe(2 * Number.MIN_VALUE); // 1.5 → 2 (even)
    expect(R.of(5n, 2n ** 1075n).toFloat64()).toBe(2 * Number.MIN_VALUE); // 2.5 → 2 (even)
    expect(R.of(1n, 10n ** 400n).toFloat64()).toBe(0);
    // carry from subnormal into the smallest normal
    expect(R.of(2n ** 53n - 1n, 2n ** 1075n).toFloat64()).toBe(2 ** -1022);
    // huge numerator and denominator
    expect(R.of(10n ** 500n + 1n, 3n * 10n ** 500n).toFloat64()).toBe(1 / 3);
    expect(R.of(10n ** 400n).toFloat64()).toBe(Infinity);
    expect(R.of(10n ** 300n).toFloat64()).toBe(1e300);
    expect(R.of(1n, 10n ** 300n).toFloat64()).toBe(1e-300);
    expect(R.parse('1e-320').toFloat64()).toBe(1e-320);
    // integers (den = 1): ties to even
    expect(R.of(2n ** 53n + 1n).toFloat64()).toBe(2 ** 53);
    expect(R.of(2n ** 53n + 3n).toFloat64()).toBe(2 ** 53 + 4);
    expect(R.of(-(2n ** 54n + 2n)).toFloat64()).toBe(-(2 ** 54));
    expect(R.of(2n ** 54n + 6n).toFloat64()).toBe(2 ** 54 + 8);
    expect(R.of(2n ** 54n + 2n + 1n).toFloat64()).toBe(2 ** 54 + 4);
    expect(R.parse('2.2250738585072011e-308').toFloat64()).toBe(2.2250738585072011e-308);
  });

  // independent check: r is a nearest double (bracketing) with ties to even
  const scaled = fc
    .tuple(
      fc.bigInt({ min: -(2n ** 120n), max: 2n ** 120n }),
      fc.bigInt({ min: 1n, max: 2n ** 120n }),
      fc.integer({ min: -1150, max: 1080 }),
    )
    .map(([n, d, k]) => (k >= 0 ? R.of(n * 2n ** BigInt(k), d) : R.of(n, d * 2n ** BigInt(-k))));
  const TWO1024 = R.of(2n ** 1024n);
  const val = (x: number): Rational => (x === Infinity ? TWO1024 : x === -Infinity ? TWO1024.neg() : R.fromFloat64(x));
  const evenDouble = (x: number): boolean => {
    if (!Number.isFinite(x)) return true; // ±2^1024 counts as even
    const b = new DataView(new ArrayBuffer(8));
    b.setFloat64(0, x);
    return (b.getUint32(4) & 1) === 0;
  };

  test('toFloat64 is correctly rounded (bracketing)', () => {
    fc.assert(
      fc.property(fc.oneof(scaled, anyRat), (q) => {
        const r = q.toFloat64();
        if (Number.isNaN(r)) return false;
        if (!Number.isFinite(r)) {
          // overflow iff |q| >= (2 - 2^-53) 2^1023
          return q.abs().ge(R.of((2n ** 54n - 1n) * 2n ** 970n)) && Math.sign(r) === q.sign();
        }
        const e = q.sub(val(r)).abs();
        const eu = q.sub(val(nextUp(r))).abs();
        const ed = q.sub(val(nextDown(r))).abs();
        if (e.gt(eu) || e.gt(ed)) return false;
        if (e.eq(eu) || e.eq(ed)) return evenDouble(r);
        return true;
      }),
      opts(3000),
    );
  });

  test('toFloat64 rounds exact midpoints to even', () => {
    fc.assert(
      fc.property(double.filter((x) => Number.isFinite(nextUp(x))), (x) => {
        const a = R.fromFloat64(x);
        const b = R.fromFloat64(nextUp(x));
        const mid = a.add(b).div(R.of(2));
        const r = mid.toFloat64();
        return (r === x || r === nextUp(x)) && evenDouble(r);
      }),
      opts(2000),
    );
  });
});

describe('toDecimal', () => {
  test('table', () => {
    expect(R.of(1, 3).toDecimal(5)).toBe('0.33333');
    expect(R.of(2, 3).toDecimal(5)).toBe('0.66667');
    expect(R.of(22, 7).toDecimal(10)).toBe('3.142857143');
    expect(R.ZERO.toDecimal(3)).toBe('0');
    expect(R.of(-1, 8).toDecimal(2)).toBe('-0.12'); // tie → even
    expect(R.of(-3, 8).toDecimal(2)).toBe('-0.38'); // tie → even
    expect(R.of(999).toDecimal(2)).toBe('1000');
    expect(R.of(12345).toDecimal(3)).toBe('12300');
    expect(R.of(1, 1000).toDecimal(4)).toBe('0.001');
    expect(R.of(123456789n * 10n ** 30n).toDecimal(4)).toBe('1.235e+38');
    expect(R.of(1, 30000000).toDecimal(3)).toBe('3.33e-8');
    expect(R.of(1n, 10n ** 21n).toDecimal(3)).toBe('1e-21');
    expect(() => R.ONE.toDecimal(0)).toThrow(RangeError);
  });

  test('17 significant digits round-trip doubles through parse', () => {
    fc.assert(
      fc.property(double.filter((x) => x !== 0), (x) => R.parse(R.fromFloat64(x).toDecimal(17)).toFloat64() === x),
      opts(1000),
    );
  });
});
