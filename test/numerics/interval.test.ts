/**
 * Fast tier (interval.ts): containment checks against exact rationals (for
 * + − × ÷ √) and against the BigInt precise tier (for exp, log, sin, …).
 * Every comparison between a double bound and a rational bound is EXACT
 * (via Rational.fromFloat64).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/numerics/rational.js';
import * as I from '../../src/numerics/interval.js';
import { Interval } from '../../src/numerics/interval.js';
import * as P from '../../src/numerics/precise.js';
import type { RBounds } from '../../src/numerics/precise.js';

const BITS = 128; // precise-tier precision used as reference (width ≪ fast width)
const MAX = Number.MAX_VALUE;
const MIN_SUB = 5e-324;
const R = (x: number): Rational => Rational.fromFloat64(x);

// --- exact helpers -----------------------------------------------------------

/** Reference nextUp via BigInt bit patterns (independent of the implementation). */
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
function refNextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return MIN_SUB;
  f64[0] = x;
  i64[0] += x > 0 ? 1n : -1n;
  return f64[0]!;
}
function refNextDown(x: number): number {
  return -refNextUp(-x);
}
/** Monotone ordinal of a double (for counting steps). */
function ord(x: number): bigint {
  f64[0] = x;
  const b = i64[0]!;
  return b >= 0n ? b : -(b & 0x7fffffffffffffffn);
}

/** lo ≤ r ≤ hi, exactly. */
function containsR(lo: number, hi: number, r: Rational): boolean {
  const okLo = lo === -Infinity || (lo !== Infinity && R(lo).le(r));
  const okHi = hi === Infinity || (hi !== -Infinity && r.le(R(hi)));
  return okLo && okHi;
}
/** fast ⊇ precise, exactly: fast.lo ≤ precise.lo and precise.hi ≤ fast.hi. */
function enclosesB(lo: number, hi: number, b: RBounds): boolean {
  return containsR(lo, hi, b.lo) && containsR(lo, hi, b.hi);
}
function describeFail(name: string, x: unknown, fast: [number, number], b: RBounds): string {
  return `${name}(${String(x)}): fast [${fast[0]}, ${fast[1]}] vs precise [${b.lo.toDecimal(25)}, ${b.hi.toDecimal(25)}]`;
}

/**
 * Observed max error of Math.f against the precise tier, for reporting: the
 * number of steps by which Math.f(x) lies OUTSIDE the faithful bracket
 * [RD(f(x)), RU(f(x))] (0 = faithfully rounded). The allowance k covers
 * k − 1 such steps.
 */
const maxSteps: Record<string, number> = {};
function recordSteps(name: string, y: number, b: RBounds): void {
  if (!Number.isFinite(y)) return;
  const [pl, ph] = P.toFloat64Bounds(b);
  if (!Number.isFinite(pl) || !Number.isFinite(ph)) return;
  let s = 0n;
  if (ord(y) > ord(ph)) s = ord(y) - ord(ph);
  if (ord(pl) > ord(y)) s = ord(pl) - ord(y);
  maxSteps[name] = Math.max(maxSteps[name] ?? 0, Number(s));
}

// --- arbitraries ---------------------------------------------------------------

const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
const moderate = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const tinyD = fc.double({ min: -1e-300, max: 1e-300, noNaN: true });
/** Mix of ranges: tiny, moderate, huge, near 0. */
function mixed(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.double({ min: lo, max: hi, noNaN: true }),
    fc.double({ min: Math.max(lo, -1), max: Math.min(hi, 1), noNaN: true }),
    fc.integer({ min: -60, max: 60 }).chain((e) => fc.double({ min: 2 ** e, max: 2 ** (e + 1), noNaN: true })).filter((x) => x >= lo && x <= hi),
  );
}
/** An ordered triple a ≤ t ≤ b from three doubles in a range. */
function triple(arb: fc.Arbitrary<number>): fc.Arbitrary<[number, number, number]> {
  return fc.tuple(arb, arb, arb).map((t) => t.sort((u, v) => u - v) as [number, number, number]);
}

// --- stepping ------------------------------------------------------------------

describe('stepUp / stepDown', () => {
  it('special values', () => {
    expect(I.stepUp(0, 1)).toBe(MIN_SUB);
    expect(I.stepUp(-0, 1)).toBe(MIN_SUB);
    expect(I.stepDown(0, 1)).toBe(-MIN_SUB);
    expect(I.stepUp(-MIN_SUB, 1)).toBe(0);
    expect(I.stepUp(-MIN_SUB, 3)).toBe(2 * MIN_SUB);
    expect(I.stepDown(2 * MIN_SUB, 5)).toBe(-3 * MIN_SUB);
    expect(I.stepUp(MAX, 1)).toBe(Infinity);
    expect(I.stepUp(MAX, 7)).toBe(Infinity);
    expect(I.stepUp(Infinity, 1)).toBe(Infinity);
    expect(I.stepUp(-Infinity, 1)).toBe(-MAX);
    expect(I.stepDown(Infinity, 1)).toBe(MAX);
    expect(I.stepDown(-MAX, 1)).toBe(-Infinity);
    expect(I.stepUp(1, 1)).toBe(1 + 2 ** -52);
    expect(I.stepDown(1, 1)).toBe(1 - 2 ** -53);
    expect(I.stepUp(2 ** -1022 - MIN_SUB, 1)).toBe(2 ** -1022); // subnormal → normal
    expect(Number.isNaN(I.stepUp(NaN, 1))).toBe(true);
    expect(Number.isNaN(I.erfLower(NaN)) && Number.isNaN(I.erfUpper(NaN))).toBe(true);
  });
  it('k steps = k × reference nextUp/nextDown (incl. word carries and zero crossings)', () => {
    const special = fc.constantFrom(0, -0, MIN_SUB, -MIN_SUB, 2 ** -1022, -(2 ** -1022), 1, -1, MAX, -MAX, 2 ** 32, 4294967295 * 2 ** -1074);
    fc.assert(
      fc.property(fc.oneof(anyFinite, special), fc.integer({ min: 1, max: 9 }), (x, k) => {
        let u = x;
        let d = x;
        for (let i = 0; i < k; i++) {
          u = refNextUp(u);
          d = refNextDown(d);
        }
        return Object.is(I.stepUp(x, k) + 0, u + 0) && Object.is(I.stepDown(x, k) + 0, d + 0);
      }),
      { seed: 1, numRuns: 3000 },
    );
  });
});

// --- directed basic operations -----------------------------------------------------

describe('directed + − × ÷ √ are rigorous and tight', () => {
  const ops: [string, (a: number, b: number) => number, (a: number, b: number) => number, (a: Rational, b: Rational) => Rational][] = [
    ['add', I.addDown, I.addUp, (a, b) => a.add(b)],
    ['sub', I.subDown, I.subUp, (a, b) => a.sub(b)],
    ['mul', I.mulDown, I.mulUp, (a, b) => a.mul(b)],
    ['div', I.divDown, I.divUp, (a, b) => a.div(b)],
  ];
  const notTooWild = fc.oneof(moderate, fc.double({ min: -1e100, max: 1e100, noNaN: true }), fc.integer({ min: -1000, max: 1000 }).map((n) => n / 8));
  for (const [name, down, up, exact] of ops) {
    it(`${name}: down ≤ exact ≤ up, and down/up are the adjacent doubles (moderate range)`, () => {
      fc.assert(
        fc.property(notTooWild, notTooWild, (a, b) => {
          if (name === 'div' && b === 0) return true;
          const e = exact(R(a), R(b));
          const d = down(a, b);
          const u = up(a, b);
          if (!containsR(d, u, e)) return false;
          // Tightness is promised (and checked) when the result is a normal double:
          // nothing representable strictly between d and e (resp. e and u).
          const ae = e.abs();
          if (!(ae.ge(R(2 ** -1021)) && ae.le(R(MAX)))) return true;
          return R(I.stepUp(d, 1)).gt(e) && R(I.stepDown(u, 1)).lt(e);
        }),
        { seed: 11, numRuns: 2000 },
      );
    });
    it(`${name}: rigorous over the full double range (overflow/underflow)`, () => {
      fc.assert(
        fc.property(anyFinite, anyFinite, (a, b) => {
          if (name === 'div' && b === 0) return true;
          const e = exact(R(a), R(b));
          return containsR(down(a, b), up(a, b), e);
        }),
        { seed: 12, numRuns: 1500 },
      );
    });
  }
  it('exact results are not widened', () => {
    expect(I.mul(I.point(2), I.point(3))).toEqual(I.point(6));
    expect(I.div(I.point(1), I.point(4))).toEqual(I.point(0.25));
    expect(I.add(I.point(0.5), I.point(0.25))).toEqual(I.point(0.75));
    expect(I.sqrt(I.point(9))).toEqual(I.point(3));
    expect(I.sqrt(I.point(2 ** -1000))).toEqual(I.point(2 ** -500));
    const t = I.add(I.point(0.1), I.point(0.2));
    expect(t.hi).toBe(I.stepUp(t.lo, 1));
  });
  it('sqrtDown/sqrtUp bracket √a tightly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: MAX, noNaN: true }), (a) => {
        const d = I.sqrtDown(a);
        const u = I.sqrtUp(a);
        const A = R(a);
        // d² ≤ a ≤ u² exactly
        if (!(R(d).mul(R(d)).le(A) && A.le(R(u).mul(R(u))))) return false;
        return u === d || u === I.stepUp(d, 1) || u === I.stepUp(d, 2);
      }),
      { seed: 13, numRuns: 2000 },
    );
  });
});

// --- interval arithmetic --------------------------------------------------------

describe('Interval arithmetic contains the exact image of sub-points', () => {
  const arb = fc.oneof(moderate, fc.double({ min: -1e300, max: 1e300, noNaN: true }), tinyD);
  const bin: [string, (a: Interval, b: Interval) => Interval, (a: Rational, b: Rational) => Rational][] = [
    ['add', I.add, (a, b) => a.add(b)],
    ['sub', I.sub, (a, b) => a.sub(b)],
    ['mul', I.mul, (a, b) => a.mul(b)],
    ['div', I.div, (a, b) => a.div(b)],
  ];
  for (const [name, f, exact] of bin) {
    it(name, () => {
      fc.assert(
        fc.property(triple(arb), triple(arb), ([a1, t1, b1], [a2, t2, b2]) => {
          const A = I.iv(a1, b1);
          const B = I.iv(a2, b2);
          if (name === 'div' && a2 <= 0 && b2 >= 0) {
            expect(() => I.div(A, B)).toThrow(RangeError);
            return true;
          }
          const r = f(A, B);
          return containsR(r.lo, r.hi, exact(R(t1), R(t2)));
        }),
        { seed: 21, numRuns: 1500 },
      );
    });
  }
  it('neg, sqr, scale, hull, mag, width, mid, contains, isFinite', () => {
    fc.assert(
      fc.property(triple(arb), arb, ([a, t, b], k) => {
        const A = I.iv(a, b);
        const T = R(t);
        const ng = I.neg(A);
        const sq = I.sqr(A);
        const sc = I.scale(A, k);
        const ok =
          containsR(ng.lo, ng.hi, T.neg()) &&
          containsR(sq.lo, sq.hi, T.mul(T)) &&
          sq.lo >= 0 &&
          containsR(sc.lo, sc.hi, T.mul(R(k))) &&
          I.contains(A, t) &&
          I.contains(I.hull(I.point(t), I.point(k)), k) &&
          I.mag(A) >= Math.abs(t) &&
          R(I.width(A)).ge(R(b).sub(R(a))) &&
          I.contains(A, I.mid(A)) &&
          I.isFinite(A);
        return ok;
      }),
      { seed: 22, numRuns: 1500 },
    );
    expect(I.isFinite(I.iv(0, Infinity))).toBe(false);
    expect(I.mid(I.iv(-Infinity, Infinity))).toBe(0);
    expect(() => I.iv(1, 0)).toThrow(RangeError);
    expect(() => I.iv(NaN, 0)).toThrow(RangeError);
    expect(I.mul(I.iv(0, 1), I.iv(1, Infinity))).toEqual(I.iv(0, Infinity));
  });
});

// --- elementary functions vs the precise tier -------------------------------------------

interface FnSpec {
  name: string;
  fast: (a: Interval) => Interval;
  precise: (x: Rational) => RBounds;
  math?: (x: number) => number;
  arb: fc.Arbitrary<number>;
  /** domain filter for interval-argument tests */
  ok?: (x: number) => boolean;
  runs: number;
}

const nearHalfPi = fc
  .tuple(fc.integer({ min: -200000, max: 200000 }), fc.integer({ min: -3, max: 3 }))
  .map(([k, j]) => {
    let x = k * (Math.PI / 2);
    x = j >= 0 ? I.stepUp(x, j + 1) : I.stepDown(x, -j);
    return x;
  });
const nearOne = fc.integer({ min: -50, max: 50 }).map((j) => (j >= 0 ? 1 + j * 2 ** -52 : 1 + j * 2 ** -53));

const specs: FnSpec[] = [
  {
    name: 'exp',
    fast: I.exp,
    precise: (x) => P.expR(x, BITS),
    math: Math.exp,
    arb: fc.oneof(mixed(-800, 800), fc.double({ min: 709, max: 710, noNaN: true }), fc.double({ min: -746, max: -700, noNaN: true }), tinyD),
    runs: 700,
  },
  {
    name: 'expm1',
    fast: I.expm1,
    precise: (x) => P.expm1R(x, BITS),
    math: Math.expm1,
    arb: fc.oneof(mixed(-60, 60), tinyD, fc.double({ min: 709, max: 710, noNaN: true })),
    runs: 500,
  },
  {
    name: 'log',
    fast: I.log,
    precise: (x) => P.logR(x, BITS),
    math: Math.log,
    arb: fc.oneof(fc.double({ min: MIN_SUB, max: MAX, noNaN: true }), mixed(1e-10, 1e10), nearOne, fc.double({ min: 0.5, max: 2, noNaN: true })),
    ok: (x) => x > 0,
    runs: 700,
  },
  {
    name: 'sqrt',
    fast: I.sqrt,
    precise: (x) => P.sqrtR(x, BITS),
    math: Math.sqrt,
    arb: fc.oneof(fc.double({ min: 0, max: MAX, noNaN: true }), mixed(0, 1e6)),
    ok: (x) => x >= 0,
    runs: 700,
  },
  {
    name: 'sin',
    fast: I.sin,
    precise: (x) => P.sinR(x, BITS),
    math: Math.sin,
    arb: fc.oneof(moderate, nearHalfPi, tinyD, anyFinite, mixed(-10, 10)),
    runs: 700,
  },
  {
    name: 'cos',
    fast: I.cos,
    precise: (x) => P.cosR(x, BITS),
    math: Math.cos,
    arb: fc.oneof(moderate, nearHalfPi, tinyD, anyFinite, mixed(-10, 10)),
    runs: 700,
  },
  {
    name: 'tanh',
    fast: I.tanh,
    precise: (x) => P.tanhR(x, BITS),
    math: Math.tanh,
    arb: fc.oneof(mixed(-40, 40), tinyD, anyFinite),
    runs: 600,
  },
  {
    name: 'erf',
    fast: I.erf,
    precise: (x) => P.erfR(x, BITS),
    arb: fc.oneof(
      mixed(-7, 7),
      tinyD,
      fc.double({ min: 2 ** -27, max: 2 ** -25, noNaN: true }),
      fc.double({ min: 5.5, max: 6.5, noNaN: true }),
      fc.double({ min: -6.5, max: -5.5, noNaN: true }),
      anyFinite,
    ),
    runs: 500,
  },
  {
    name: 'sigmoid',
    fast: I.sigmoid,
    precise: (x) => P.sigmoidR(x, BITS),
    arb: fc.oneof(mixed(-800, 800), tinyD, anyFinite),
    runs: 500,
  },
];

describe('elementary functions: fast enclosure ⊇ precise enclosure (exact comparison)', () => {
  for (const s of specs) {
    it(`${s.name} at points`, () => {
      fc.assert(
        fc.property(s.arb, (x) => {
          const b = s.precise(R(x));
          const r = s.fast(I.point(x));
          if (s.math) recordSteps(s.name, s.math(x), b);
          if (!enclosesB(r.lo, r.hi, b)) throw new Error(describeFail(s.name, x, [r.lo, r.hi], b));
          return true;
        }),
        { seed: 31, numRuns: s.runs },
      );
    });
    it(`${s.name} on intervals: f(t) ∈ f([a, b]) for a ≤ t ≤ b`, () => {
      fc.assert(
        fc.property(triple(s.arb), ([a, t, b]) => {
          if (s.ok && !s.ok(a)) return true;
          const r = s.fast(I.iv(a, b));
          const pb = s.precise(R(t));
          if (!enclosesB(r.lo, r.hi, pb)) throw new Error(describeFail(s.name, `[${a}, ${t}, ${b}]`, [r.lo, r.hi], pb));
          return true;
        }),
        { seed: 32, numRuns: Math.floor(s.runs / 2) },
      );
    });
  }

  it('sin/cos on short intervals around k·π/2 (extremum detection)', () => {
    fc.assert(
      fc.property(fc.oneof(nearHalfPi, fc.double({ min: -100, max: 100, noNaN: true })), fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 2.9, max: 7, noNaN: true })), fc.double({ min: 0, max: 1, noNaN: true }), (c, w, f) => {
        const a = c - w * f;
        const b = c + w * (1 - f);
        if (!(a <= b)) return true;
        const t = a + (b - a) * f;
        if (!(t >= a && t <= b)) return true;
        for (const [fast, prec] of [
          [I.sin, P.sinR],
          [I.cos, P.cosR],
        ] as const) {
          const r = fast(I.iv(a, b));
          for (const u of [a, b, t, c]) {
            if (u < a || u > b) continue;
            const pb = prec(R(u), BITS);
            if (!enclosesB(r.lo, r.hi, pb)) throw new Error(describeFail('trig', u, [r.lo, r.hi], pb));
          }
        }
        return true;
      }),
      { seed: 33, numRuns: 600 },
    );
    expect(I.sin(I.iv(1.5, 1.6)).hi).toBe(1);
    expect(I.sin(I.iv(4.7, 4.8)).lo).toBe(-1);
    expect(I.cos(I.iv(3, 3.2)).lo).toBe(-1);
    expect(I.cos(I.iv(-0.1, 0.1)).hi).toBe(1);
    expect(I.sin(I.iv(0.1, 0.2)).hi).toBeLessThan(0.2); // monotone piece, no spurious extremum
    expect(I.sin(I.iv(0, 100))).toEqual(I.iv(-1, 1));
    expect(I.sin(I.iv(-Infinity, 0))).toEqual(I.iv(-1, 1));
    // width in (3, 6]: split into two pieces; [0.2, 5.9] misses neither extremum
    const r = I.sin(I.iv(0.2, 5.9));
    expect(r.lo).toBe(-1);
    expect(r.hi).toBe(1);
    // [−1.5, 1.5] (width 3): no extremum inside, range ≈ ±0.9975
    const r2 = I.sin(I.iv(-1.5, 1.5));
    expect(r2.hi).toBeLessThan(0.998);
  });

  it('domain behaviour and exact special values', () => {
    expect(() => I.log(I.iv(-2, -1))).toThrow(RangeError);
    expect(() => I.log(I.iv(-2, 0))).toThrow(RangeError);
    expect(I.log(I.iv(0, 1))).toEqual(I.iv(-Infinity, 0));
    expect(() => I.sqrt(I.iv(-2, -1))).toThrow(RangeError);
    expect(I.sqrt(I.iv(-1, 4))).toEqual(I.iv(0, 2));
    expect(() => I.div(I.point(1), I.iv(-1, 1))).toThrow(RangeError);
    expect(() => I.div(I.point(1), I.iv(0, 1))).toThrow(RangeError);
    expect(I.exp(I.point(0))).toEqual(I.point(1));
    expect(I.log(I.point(1))).toEqual(I.point(0));
    expect(I.sin(I.point(0))).toEqual(I.point(0));
    expect(I.cos(I.point(0))).toEqual(I.point(1));
    expect(I.tanh(I.point(0))).toEqual(I.point(0));
    expect(I.erf(I.point(0))).toEqual(I.point(0));
    expect(I.sigmoid(I.point(0))).toEqual(I.point(0.5));
    expect(I.exp(I.iv(-Infinity, 0))).toEqual(I.iv(0, 1));
    expect(I.erf(I.iv(-Infinity, Infinity))).toEqual(I.iv(-1, 1));
    expect(I.tanh(I.point(50)).hi).toBe(1);
    expect(I.exp(I.point(1000)).hi).toBe(Infinity);
    expect(I.exp(I.point(1000)).lo).toBeGreaterThan(1e308);
  });

  it('2/√π double enclosure used by erf is rigorous', () => {
    // erf(x)/x → 2/√π; check the tiny-x branch directly against the precise tier
    const c = P.erfR(Rational.fromFloat64(2 ** -40), 200);
    const r = I.erf(I.point(2 ** -40));
    expect(enclosesB(r.lo, r.hi, c)).toBe(true);
  });

  it('erf relative width ≤ 1e-13, exp width ≤ 9 steps', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -30, max: 7, noNaN: true }), (x) => {
        const r = I.erf(I.point(x));
        return (r.hi - r.lo) / r.hi <= 1e-13;
      }),
      { seed: 34, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        const [lo, hi] = I.expEnclosure(x);
        return Number(ord(hi) - ord(lo)) <= 2 * I.ULP_ALLOWANCE.exp + 1;
      }),
      { seed: 35, numRuns: 300 },
    );
  });
});

// --- logSumExp and softmax -------------------------------------------------------------

describe('logSumExp and softmax vs precise', () => {
  const vec = (maxLen: number) =>
    fc.oneof(
      fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: maxLen }),
      fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: maxLen }),
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: maxLen }),
    );
  it('logSumExp at points and on boxes', () => {
    fc.assert(
      fc.property(vec(20), fc.double({ min: 0, max: 1, noNaN: true }), (xs, w) => {
        const pb = P.logSumExpR(xs.map(R), BITS);
        const r = I.logSumExp(xs.map(I.point));
        if (!enclosesB(r.lo, r.hi, pb)) throw new Error(describeFail('lse', xs, [r.lo, r.hi], pb));
        const box = I.logSumExp(xs.map((x) => I.iv(x - w, x + w)));
        return enclosesB(box.lo, box.hi, pb);
      }),
      { seed: 41, numRuns: 150 },
    );
    expect(I.logSumExp([I.point(3)])).toEqual(I.point(3));
    expect(() => I.logSumExp([])).toThrow(RangeError);
  });
  for (const [name, sm] of [
    ['softmax', I.softmax],
    ['softmaxPairwise', I.softmaxPairwise],
    ['softmaxShifted', I.softmaxShifted],
  ] as const) {
    it(`${name} at points and on boxes`, () => {
      fc.assert(
        fc.property(vec(name === 'softmax' ? 90 : 24), fc.double({ min: 0, max: 0.5, noNaN: true }), (xs, w) => {
          const pb = P.softmaxR(xs.map(R), BITS);
          const r = sm(xs.map(I.point));
          const box = sm(xs.map((x) => I.iv(x - w, x + w)));
          for (let i = 0; i < xs.length; i++) {
            if (!enclosesB(r[i]!.lo, r[i]!.hi, pb[i]!)) throw new Error(describeFail(name, xs, [r[i]!.lo, r[i]!.hi], pb[i]!));
            if (!enclosesB(box[i]!.lo, box[i]!.hi, pb[i]!)) return false;
          }
          return true;
        }),
        { seed: 42, numRuns: 80 },
      );
    });
  }
  it('softmax of point inputs is tight (relative width ≤ 1e-14 for p ≥ 1e-300)', () => {
    const xs = [0.5, -3, 2, 2, 700, -100].map(I.point);
    for (const p of [...I.softmaxPairwise(xs), ...I.softmaxShifted(xs)]) {
      if (p.lo > 1e-300) expect((p.hi - p.lo) / p.hi).toBeLessThan(1e-14);
    }
    expect(I.softmax([I.point(1), I.point(1)])).toEqual([I.point(0.5), I.point(0.5)]);
  });
});

// --- throughput ---------------------------------------------------------------------

describe('throughput', () => {
  it('expEnclosureInto: prints enclosures/s; asserts a loose floor', () => {
    const n = 1 << 16;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = ((i * 2654435761) % 100000) / 1000 - 50;
    const out = new Float64Array(2 * n);
    for (let r = 0; r < 10; r++) I.expEnclosureBatch(xs, out); // warm-up / JIT
    let count = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 300) {
      for (let i = 0; i < n; i++) I.expEnclosureInto(xs[i]!, out, 2 * i);
      count += n;
    }
    const rate = count / ((performance.now() - t0) / 1000);
    console.log(`[interval] expEnclosureInto: ${(rate / 1e6).toFixed(1)} M enclosures/s`);
    // The design target is ≥ 1e6/s (the bench reports the real number); a loaded CI
    // machine can be many times slower than a dev box, so only a 5× looser floor is
    // asserted here to keep the test meaningful but not flaky.
    expect(rate).toBeGreaterThan(200_000);
    expect(out[0]! <= Math.exp(xs[0]!) && Math.exp(xs[0]!) <= out[1]!).toBe(true);
  });
  it('report observed Math.* step errors vs ULP_ALLOWANCE', () => {
    console.log('[interval] max observed steps of Math.f outside the faithful bracket:', JSON.stringify(maxSteps), 'allowance:', JSON.stringify(I.ULP_ALLOWANCE));
    for (const [k, v] of Object.entries(maxSteps)) {
      expect(v).toBeLessThan(Math.max(1, (I.ULP_ALLOWANCE as Record<string, number>)[k]!));
    }
  });
});
