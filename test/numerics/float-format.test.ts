import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/numerics/rational.js';
import {
  BFLOAT16,
  FLOAT16,
  FLOAT32,
  FLOAT64,
  type FloatFormat,
  decodeBits,
  encodeBits,
  formatByName,
  gamma,
  nextDown,
  nextUp,
  roundToFormat,
  roundToNumber,
  ulp,
  ulpDistance,
} from '../../src/numerics/float-format.js';

const R = Rational;
const SEED = 7150;
const opts = (numRuns = 300) => ({ seed: SEED, numRuns });
const double = fc.double({ noNaN: true, noDefaultInfinity: true });

/** bits of fl_fmt(q), via roundToNumber then encodeBits; 'inf' patterns for overflow */
function roundBits(q: Rational, fmt: FloatFormat): number {
  return encodeBits(roundToNumber(q, fmt), fmt) as number;
}

describe('formats', () => {
  test('parameters', () => {
    expect([FLOAT64.precision, FLOAT64.emin, FLOAT64.emax, FLOAT64.u]).toEqual([53, -1022, 1023, 2 ** -53]);
    expect([FLOAT32.precision, FLOAT32.emin, FLOAT32.emax, FLOAT32.u]).toEqual([24, -126, 127, 2 ** -24]);
    expect([FLOAT16.precision, FLOAT16.emin, FLOAT16.emax, FLOAT16.u]).toEqual([11, -14, 15, 2 ** -11]);
    expect([BFLOAT16.precision, BFLOAT16.emin, BFLOAT16.emax, BFLOAT16.u]).toEqual([8, -126, 127, 2 ** -8]);
    expect(formatByName('bfloat16')).toBe(BFLOAT16);
    expect(() => formatByName('float8')).toThrow(RangeError);
  });
});

describe('float16 table', () => {
  // Expected bits derived from the layout 1+5+10, bias 15, and cross-checked
  // with Python's struct.pack('<e', x) (correctly rounded binary16).
  const rows: [string, Rational, number | 'inf'][] = [
    ['1', R.ONE, 0x3c00],
    ['-2', R.of(-2), 0xc000],
    ['0.5', R.of(1, 2), 0x3800],
    ['65504 (max)', R.of(65504), 0x7bff],
    ['65519 (< overflow midpoint)', R.of(65519), 0x7bff],
    ['65520 (= (2-2^-11)·2^15 → inf)', R.of(65520), 'inf'],
    ['2^-14 (min normal)', R.of(1, 2 ** 14), 0x0400],
    ['2^-14 - 2^-24 (max subnormal)', R.of(1023n, 2n ** 24n), 0x03ff],
    ['2^-24 (min subnormal)', R.of(1, 2 ** 24), 0x0001],
    ['2^-25 (tie with 0 → 0)', R.of(1, 2 ** 25), 0x0000],
    ['2^-25 + 2^-40 (just above tie)', R.of(2n ** 15n + 1n, 2n ** 40n), 0x0001],
    ['3·2^-26 = 0.75·2^-24', R.of(3, 2 ** 26), 0x0001],
    ['3·2^-25 = 1.5·2^-24 (tie → 2)', R.of(3, 2 ** 25), 0x0002],
    ['5·2^-26 = 1.25·2^-24', R.of(5, 2 ** 26), 0x0001],
    ['1 + 2^-11 (tie → 1)', R.of(2049, 2048), 0x3c00],
    ['1 + 3·2^-11 (tie → 1 + 2^-9)', R.of(2051, 2048), 0x3c02],
    ['1 + 2^-10', R.of(1025, 1024), 0x3c01],
    ['1/3', R.of(1, 3), 0x3555],
    ['0.1', R.parse('0.1'), 0x2e66],
    ['6.1e-5 (subnormal)', R.parse('6.1e-5'), 0x03ff],
  ];
  for (const [label, q, want] of rows) {
    test(label, () => {
      const r = roundToFormat(q, FLOAT16);
      if (want === 'inf') {
        expect(r).toBe('inf');
        expect(roundToFormat(q.neg(), FLOAT16)).toBe('-inf');
        expect(roundToNumber(q, FLOAT16)).toBe(Infinity);
        return;
      }
      expect(roundBits(q, FLOAT16)).toBe(want);
      expect(roundBits(q.neg(), FLOAT16)).toBe(want ^ 0x8000);
      expect(R.fromFloat64(decodeBits(want, FLOAT16)).eq(r as Rational)).toBe(true);
    });
  }
  test('specials', () => {
    expect(encodeBits(-0, FLOAT16)).toBe(0x8000);
    expect(encodeBits(Infinity, FLOAT16)).toBe(0x7c00);
    expect(encodeBits(-Infinity, FLOAT16)).toBe(0xfc00);
    expect(encodeBits(NaN, FLOAT16)).toBe(0x7e00);
    expect(decodeBits(0x7c01, FLOAT16)).toBeNaN();
    expect(decodeBits(0xfc00, FLOAT16)).toBe(-Infinity);
    expect(Object.is(decodeBits(0x8000, FLOAT16), -0)).toBe(true);
    expect(() => encodeBits(0.1, FLOAT16)).toThrow(RangeError);
    expect(() => encodeBits(65520, FLOAT16)).toThrow(RangeError);
    expect(() => encodeBits(2 ** -25, FLOAT16)).toThrow(RangeError);
    expect(() => encodeBits(1 + 2 ** -11, FLOAT16)).toThrow(RangeError);
    expect(() => encodeBits(2 ** 16, FLOAT16)).toThrow(RangeError);
    expect(() => encodeBits(2 ** -134, BFLOAT16)).toThrow(RangeError);
    expect(() => encodeBits(2 ** 128, BFLOAT16)).toThrow(RangeError);
    expect(() => decodeBits(0x10000, FLOAT16)).toThrow(RangeError);
  });
});

describe('bfloat16 table', () => {
  // Layout 1+8+7, bias 127: the top half of the binary32 pattern. Expected
  // values cross-checked with Python: struct.pack('<f') then RNE on the low 16
  // bits (single rounding since each x below is exactly a float32), and 1/3,
  // 0.1 computed from the exact rationals.
  const rows: [string, Rational, number | 'inf'][] = [
    ['1', R.ONE, 0x3f80],
    ['-2', R.of(-2), 0xc000],
    ['0.5', R.of(1, 2), 0x3f00],
    ['3', R.of(3), 0x4040],
    ['1 + 2^-8 (tie → 1)', R.of(257, 256), 0x3f80],
    ['1 + 2^-7', R.of(129, 128), 0x3f81],
    ['1 + 3·2^-8 (tie → 1 + 2^-6)', R.of(259, 256), 0x3f82],
    ['255', R.of(255), 0x437f],
    ['257 (tie → 256)', R.of(257), 0x4380],
    ['259 (tie → 260)', R.of(259), 0x4382],
    ['65504 → 65536', R.of(65504), 0x4780],
    ['1/3', R.of(1, 3), 0x3eab],
    ['0.1', R.parse('0.1'), 0x3dcd],
    ['2^-126 (min normal)', R.of(1n, 2n ** 126n), 0x0080],
    ['2^-133 (min subnormal)', R.of(1n, 2n ** 133n), 0x0001],
    ['2^-134 (tie with 0 → 0)', R.of(1n, 2n ** 134n), 0x0000],
    ['3·2^-135', R.of(3n, 2n ** 135n), 0x0001],
    ['(2 - 2^-7)·2^127 (max)', R.of((2n ** 8n - 1n) * 2n ** 120n), 0x7f7f],
    ['(2 - 2^-8)·2^127 → inf', R.of((2n ** 9n - 1n) * 2n ** 119n), 'inf'],
  ];
  for (const [label, q, want] of rows) {
    test(label, () => {
      const r = roundToFormat(q, BFLOAT16);
      if (want === 'inf') {
        expect(r).toBe('inf');
        expect(roundToFormat(q.neg(), BFLOAT16)).toBe('-inf');
        return;
      }
      expect(roundBits(q, BFLOAT16)).toBe(want);
      expect(roundBits(q.neg(), BFLOAT16)).toBe(want ^ 0x8000);
      expect(R.fromFloat64(decodeBits(want, BFLOAT16)).eq(r as Rational)).toBe(true);
    });
  }
  test('bfloat16 = top half of float32 bits for representable values', () => {
    for (let b = 0; b < 0x10000; b += 37) {
      const v = decodeBits(b, BFLOAT16);
      if (Number.isNaN(v)) continue;
      expect((encodeBits(v, FLOAT32) as number) >>> 16).toBe(b);
      expect((encodeBits(v, FLOAT32) as number) & 0xffff).toBe(0);
    }
  });
});

describe('rounding agrees with independent references', () => {
  test('float32: roundToNumber(x) = Math.fround(x) for doubles', () => {
    fc.assert(
      fc.property(double, (x) => roundToNumber(R.fromFloat64(x), FLOAT32) === Math.fround(x)),
      opts(2000),
    );
  });

  test('float64: roundToNumber is the identity on doubles', () => {
    fc.assert(fc.property(double, (x) => roundToNumber(R.fromFloat64(x), FLOAT64) === x), opts(1000));
  });

  // Reference: enumerate every finite value of a 16-bit format by decoding all
  // bit patterns, sort, and find the nearest by binary search (ties: even
  // pattern). Independent of the rounding code.
  for (const fmt of [FLOAT16, BFLOAT16]) {
    test(`${fmt.name}: nearest-even by exhaustive table`, () => {
      const vals: { v: number; bits: number }[] = [];
      for (let b = 0; b < 0x8000; b++) {
        const v = decodeBits(b, fmt);
        if (Number.isFinite(v)) vals.push({ v, bits: b });
      }
      vals.sort((a, b) => a.v - b.v);
      const max = vals[vals.length - 1]!;
      const maxQ = R.fromFloat64(max.v);
      const beyond = R.of(2n).pow(fmt.emax + 1); // the next "value" past max
      const reference = (q: Rational): number | 'inf' => {
        // q >= 0
        let lo = 0;
        let hi = vals.length - 1;
        if (q.ge(maxQ)) {
          const dm = q.sub(maxQ);
          const db = beyond.sub(q);
          return dm.lt(db) ? max.bits : 'inf'; // tie goes to 2^(emax+1): max has odd significand
        }
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (R.fromFloat64(vals[mid]!.v).le(q)) lo = mid;
          else hi = mid;
        }
        const a = vals[lo]!;
        const b = vals[hi]!;
        const da = q.sub(R.fromFloat64(a.v));
        const db = R.fromFloat64(b.v).sub(q);
        if (da.lt(db)) return a.bits;
        if (db.lt(da)) return b.bits;
        return a.bits % 2 === 0 ? a.bits : b.bits;
      };
      const top = fmt === FLOAT16 ? 70000 : 4e38;
      const scale = fc.oneof(
        fc.double({ min: 0, max: top, noNaN: true }),
        fc.double({ min: 0, max: 1e-3, noNaN: true }),
        fc.double({ min: 0, max: fmt === FLOAT16 ? 1e-6 : 1e-38, noNaN: true }),
      );
      // random values, and exact midpoints between consecutive values
      const midpoint = fc.integer({ min: 0, max: vals.length - 2 }).map((i) =>
        R.fromFloat64(vals[i]!.v).add(R.fromFloat64(vals[i + 1]!.v)).div(R.of(2)),
      );
      fc.assert(
        fc.property(fc.oneof(scale.map((x) => R.fromFloat64(x)), midpoint), (q) => {
          const want = reference(q);
          const got = roundToFormat(q, fmt);
          if (want === 'inf') return got === 'inf';
          return got !== 'inf' && got !== '-inf' && got.eq(R.fromFloat64(decodeBits(want, fmt)));
        }),
        opts(3000),
      );
    });
  }

  test('encode/decode round trip on every 16-bit pattern', () => {
    const bad: string[] = [];
    for (const fmt of [FLOAT16, BFLOAT16]) {
      for (let b = 0; b < 0x10000; b++) {
        const v = decodeBits(b, fmt);
        if (Number.isNaN(v)) continue;
        if (encodeBits(v, fmt) !== b) bad.push(`${fmt.name} ${b}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('float32 and float64 encode/decode', () => {
    expect(encodeBits(1, FLOAT32)).toBe(0x3f800000);
    expect(encodeBits(-0, FLOAT32)).toBe(0x80000000);
    expect(encodeBits(NaN, FLOAT32)).toBe(0x7fc00000);
    expect(decodeBits(0x00000001, FLOAT32)).toBe(2 ** -149);
    expect(encodeBits(1, FLOAT64)).toBe(0x3ff0000000000000n);
    expect(encodeBits(-2, FLOAT64)).toBe(0xc000000000000000n);
    expect(encodeBits(Number.MIN_VALUE, FLOAT64)).toBe(1n);
    expect(encodeBits(NaN, FLOAT64)).toBe(0x7ff8000000000000n);
    expect(decodeBits(0x7fefffffffffffffn, FLOAT64)).toBe(Number.MAX_VALUE);
    expect(() => encodeBits(0.1, FLOAT32)).toThrow(RangeError);
    fc.assert(fc.property(double, (x) => Object.is(decodeBits(encodeBits(x, FLOAT64), FLOAT64), x)), opts(500));
    fc.assert(
      fc.property(fc.float({ noNaN: true }), (x) => Object.is(decodeBits(encodeBits(x, FLOAT32), FLOAT32), x)),
      opts(500),
    );
  });
});

describe('roundToFormat misc', () => {
  test('zero and signs', () => {
    expect(roundToFormat(R.ZERO, FLOAT16)).toBe(R.ZERO);
    expect(roundToFormat(R.of(-1n, 2n ** 30n), FLOAT16)).toBe(R.ZERO);
    expect(Object.is(roundToNumber(R.of(-1n, 2n ** 30n), FLOAT16), -0)).toBe(true);
    expect(roundToNumber(R.of(-70000), FLOAT16)).toBe(-Infinity);
  });

  test('relative error ≤ u in the normal range (Higham Thm 2.2)', () => {
    for (const fmt of [FLOAT16, BFLOAT16, FLOAT32, FLOAT64]) {
      const u = R.fromFloat64(fmt.u);
      fc.assert(
        fc.property(
          fc.bigInt({ min: 2n ** 60n, max: 2n ** 61n - 1n }),
          fc.bigInt({ min: 2n ** 60n, max: 2n ** 61n - 1n }),
          fc.integer({ min: fmt.emin + 1, max: fmt.emax - 1 }),
          fc.boolean(),
          (n, d, k, neg) => {
            // n/d in (1/2, 2), so q = ±(n/d)·2^k lies strictly inside the normal range
            const q = R.of(neg ? -n : n, d).mul(R.of(2).pow(k));
            const r = roundToFormat(q, fmt);
            if (r === 'inf' || r === '-inf') return false;
            return r.sub(q).abs().le(q.abs().mul(u));
          },
        ),
        opts(200),
      );
    }
  });
});

describe('ulp, ulpDistance, nextUp/nextDown', () => {
  test('ulp table', () => {
    expect(ulp(1, FLOAT64)).toBe(2 ** -52);
    expect(ulp(-1, FLOAT64)).toBe(2 ** -52);
    expect(ulp(0, FLOAT64)).toBe(2 ** -1074);
    expect(ulp(Number.MIN_VALUE, FLOAT64)).toBe(2 ** -1074);
    expect(ulp(Number.MAX_VALUE, FLOAT64)).toBe(2 ** 971);
    expect(ulp(1.5, FLOAT64)).toBe(2 ** -52);
    expect(ulp(2, FLOAT64)).toBe(2 ** -51);
    expect(ulp(1, FLOAT32)).toBe(2 ** -23);
    expect(ulp(-3, FLOAT32)).toBe(2 ** -22);
    expect(ulp(0, FLOAT32)).toBe(2 ** -149);
    expect(ulp(1, FLOAT16)).toBe(2 ** -10);
    expect(ulp(65504, FLOAT16)).toBe(32);
    expect(ulp(1e6, FLOAT16)).toBe(32); // beyond range: top binade
    expect(ulp(2 ** -20, FLOAT16)).toBe(2 ** -24);
    expect(ulp(0, FLOAT16)).toBe(2 ** -24);
    expect(ulp(1, BFLOAT16)).toBe(2 ** -7);
    expect(ulp(0, BFLOAT16)).toBe(2 ** -133);
    expect(ulp(Infinity, FLOAT64)).toBe(Infinity);
    expect(ulp(NaN, FLOAT64)).toBeNaN();
  });

  test('ulp(x) = nextUp(|x|) − |x| for float64 (off the binade top)', () => {
    fc.assert(
      fc.property(double.filter((x) => Math.abs(x) < Number.MAX_VALUE), (x) => ulp(x, FLOAT64) === nextUp(Math.abs(x)) - Math.abs(x)),
      opts(1000),
    );
  });

  test('nextUp / nextDown specials', () => {
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(Object.is(nextUp(-Number.MIN_VALUE), -0)).toBe(true);
    expect(nextUp(1)).toBe(1 + 2 ** -52);
    expect(nextDown(1)).toBe(1 - 2 ** -53);
    expect(nextUp(-1)).toBe(-1 + 2 ** -53);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextUp(Infinity)).toBe(Infinity);
    expect(nextUp(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextDown(-Infinity)).toBe(-Infinity);
    expect(nextDown(Infinity)).toBe(Number.MAX_VALUE);
    expect(nextUp(NaN)).toBeNaN();
    expect(nextDown(NaN)).toBeNaN();
    expect(nextUp(2 ** -1022 - 2 ** -1074)).toBe(2 ** -1022);
  });

  test('nextUp is the successor: x < nextUp(x), nothing in between, nextDown inverts', () => {
    fc.assert(
      fc.property(double, (x) => {
        const y = nextUp(x);
        if (!(y > x)) return false;
        if (nextDown(y) !== x) return false;
        // the midpoint rounds to one of the two
        if (Number.isFinite(y)) {
          const m = R.fromFloat64(x).add(R.fromFloat64(y)).div(R.of(2)).toFloat64();
          if (m !== x && m !== y) return false;
        }
        return true;
      }),
      opts(2000),
    );
  });

  test('ulpDistance', () => {
    expect(ulpDistance(1, 1, FLOAT64)).toBe(0);
    expect(ulpDistance(0, -0, FLOAT64)).toBe(0);
    expect(ulpDistance(1, nextUp(1), FLOAT64)).toBe(1);
    expect(ulpDistance(-Number.MIN_VALUE, Number.MIN_VALUE, FLOAT64)).toBe(2);
    expect(ulpDistance(Number.MAX_VALUE, Infinity, FLOAT64)).toBe(1);
    expect(ulpDistance(1, 2, FLOAT64)).toBe(2 ** 52);
    expect(ulpDistance(1, 2, FLOAT16)).toBe(1024);
    expect(ulpDistance(-(2 ** -24), 2 ** -24, FLOAT16)).toBe(2);
    expect(ulpDistance(65504, Infinity, FLOAT16)).toBe(1);
    expect(ulpDistance(1, 2, BFLOAT16)).toBe(128);
    expect(ulpDistance(1, 1 + 2 ** -23, FLOAT32)).toBe(1);
    expect(ulpDistance(-1, 1, FLOAT32)).toBe(2 * 0x3f800000);
    expect(ulpDistance(NaN, 1, FLOAT32)).toBeNaN();
    expect(() => ulpDistance(0.1, 1, FLOAT32)).toThrow(RangeError);
    // consistent with nextUp steps
    fc.assert(
      fc.property(double, fc.integer({ min: 0, max: 5 }), (x, k) => {
        let y = x;
        for (let i = 0; i < k; i++) y = nextUp(y);
        if (!Number.isFinite(y)) return true;
        // (-0 and +0 are one point: nextUp(-MIN) = -0, nextUp(-0) = +MIN)
        return ulpDistance(x, y, FLOAT64) === k && ulpDistance(y, x, FLOAT64) === k;
      }),
      opts(500),
    );
  });
});

describe('gamma', () => {
  test('values', () => {
    const u = 2 ** -53;
    const g1 = gamma(1, u);
    const exact = (k: number): Rational => R.of(k).mul(R.fromFloat64(u)).div(R.ONE.sub(R.of(k).mul(R.fromFloat64(u))));
    expect(R.fromFloat64(g1).ge(exact(1))).toBe(true);
    expect(R.fromFloat64(nextDown(g1)).lt(exact(1))).toBe(true);
    expect(gamma(0, u)).toBe(0);
    expect(gamma(1, 0.5)).toBe(1); // (1/2)/(1/2)
    expect(gamma(3, 0.25)).toBe(3);
    expect(() => gamma(2, 0.5)).toThrow(RangeError);
    expect(() => gamma(2 ** 53, 2 ** -53)).toThrow(RangeError);
    expect(() => gamma(-1, u)).toThrow(RangeError);
    expect(() => gamma(NaN, u)).toThrow(RangeError);
  });

  test('gamma(k, u) is the smallest double ≥ γ_k', () => {
    for (const fmt of [FLOAT64, FLOAT32, FLOAT16, BFLOAT16]) {
      const u = R.fromFloat64(fmt.u);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: Math.floor(1 / fmt.u) - 1 }), (k) => {
          const ku = R.of(k).mul(u);
          const g = ku.div(R.ONE.sub(ku));
          const r = gamma(k, fmt.u);
          return R.fromFloat64(r).ge(g) && (r === 0 || R.fromFloat64(nextDown(r)).lt(g));
        }),
        opts(300),
      );
    }
  });
});
