/**
 * Precise tier (precise.ts): known constants to 50 digits, identities,
 * widths, consistency across precisions and methods, conversion to doubles.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/numerics/rational.js';
import * as P from '../../src/numerics/precise.js';
import type { RBounds } from '../../src/numerics/precise.js';
import { stepDown, stepUp } from '../../src/numerics/interval.js';

const q = (s: string): Rational => Rational.parse(s);
const R = (x: number): Rational => Rational.fromFloat64(x);
const pow2 = (e: number): Rational => (e >= 0 ? Rational.of(1n << BigInt(e)) : Rational.of(1n, 1n << BigInt(-e)));

function contains(b: RBounds, x: Rational): boolean {
  return b.lo.le(x) && x.le(b.hi);
}
function width(b: RBounds): Rational {
  return b.hi.sub(b.lo);
}
/** hi − lo ≤ 2^-(bits−10) · max(1, |value|) (value ≈ lo). */
function narrow(b: RBounds, bits: number): boolean {
  const mag = b.lo.abs().gt(Rational.ONE) ? b.lo.abs() : Rational.ONE;
  return b.lo.le(b.hi) && width(b).le(pow2(-(bits - 10)).mul(mag));
}
/** Both bounds agree with the 50-significant-digit decimal `c` to within 1e-48 (relative for |c| ≥ 1). */
function agrees(b: RBounds, c: string): boolean {
  const C = q(c);
  const tol = q('1e-48').mul(C.abs().gt(Rational.ONE) ? C.abs() : Rational.ONE);
  return b.lo.sub(C).abs().le(tol) && b.hi.sub(C).abs().le(tol) && width(b).le(q('1e-55'));
}
/** Interval product of two enclosures. */
function imul(a: RBounds, b: RBounds): RBounds {
  const c = [a.lo.mul(b.lo), a.lo.mul(b.hi), a.hi.mul(b.lo), a.hi.mul(b.hi)];
  return { lo: c.reduce((u, v) => Rational.min(u, v)), hi: c.reduce((u, v) => Rational.max(u, v)) };
}
function iadd(a: RBounds, b: RBounds): RBounds {
  return { lo: a.lo.add(b.lo), hi: a.hi.add(b.hi) };
}

/** Rationals: random fractions, decimals, and exact doubles over ranges. */
function rat(maxAbs: number): fc.Arbitrary<Rational> {
  return fc.oneof(
    fc.double({ min: -maxAbs, max: maxAbs, noNaN: true }).map(R),
    fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n })).map(([n, d]) => Rational.of(n, d)).filter((x) => x.abs().le(R(maxAbs))),
    fc.integer({ min: -Math.floor(maxAbs), max: Math.floor(maxAbs) }).map((n) => Rational.of(n)),
  );
}
const posRat = fc.oneof(
  fc.double({ min: 5e-324, max: Number.MAX_VALUE, noNaN: true }).map(R),
  fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 10n ** 40n })).map(([n, d]) => Rational.of(n, d)),
);

describe('known constants to 50 digits', () => {
  const cases: [string, () => RBounds, string][] = [
    ['e', () => P.expR(Rational.ONE), '2.7182818284590452353602874713526624977572470937000'],
    ['ln 2 (logR)', () => P.logR(Rational.of(2)), '0.69314718055994530941723212145817656807550013436026'],
    ['ln 2 (ln2R)', () => P.ln2R(), '0.69314718055994530941723212145817656807550013436026'],
    ['π', () => P.piR(200), '3.1415926535897932384626433832795028841971693993751'],
    ['√2', () => P.sqrtR(Rational.of(2)), '1.4142135623730950488016887242096980785696718753769'],
    ['erf(1)', () => P.erfR(Rational.ONE), '0.84270079294971486934122063508260925929606699796630'],
    ['sin(1)', () => P.sinR(Rational.ONE), '0.84147098480789650665250232163029899962256306079837'],
    ['cos(1)', () => P.cosR(Rational.ONE), '0.54030230586813971740093660744297660373231042061792'],
    ['tanh(1)', () => P.tanhR(Rational.ONE), '0.76159415595576488811945828260479359041276859725794'],
    ['ln 10', () => P.logR(Rational.of(10)), '2.3025850929940456840179914546843642076011014886288'],
    ['e^-1', () => P.expR(Rational.of(-1)), '0.36787944117144232159552377016146086744581113103177'],
    ['sin(1e22)', () => P.sinR(R(1e22)), '-0.85220084976718880177270589375302936826176215041004'],
    ['erf(1/2)', () => P.erfR(q('1/2')), '0.52049987781304653768274665389196452873645157575796'],
    ['sin(π/6 ± 1e-50)', () => P.sinR(q('0.5235987755982988730771072305465838140328615665625')), '0.50000000000000000000000000000000000000000000000000'],
  ];
  for (const [name, f, c] of cases) {
    it(name, () => {
      const b = f();
      expect(agrees(b, c), `${name}: [${b.lo.toDecimal(55)}, ${b.hi.toDecimal(55)}]`).toBe(true);
    });
  }
  it('π at 2000 bits is consistent with π at 200 bits and has width ≤ 2^-2000', () => {
    const a = P.piR(2000);
    const b = P.piR(200);
    expect(b.lo.le(a.lo) && a.hi.le(b.hi)).toBe(true);
    expect(width(a).le(pow2(-2000))).toBe(true);
    expect(a.lo.toDecimal(60).startsWith('3.14159265358979323846264338327950288419716939937510582097494')).toBe(true);
  });
  it('sin(MAX_VALUE) (reduction of a 1024-bit argument)', () => {
    const b = P.sinR(R(Number.MAX_VALUE), 100);
    expect(b.lo.toDecimal(15)).toBe('0.00496195478918406');
  });
});

describe('exact special values and domain errors', () => {
  it('exact results', () => {
    const Z = Rational.ZERO;
    const one = Rational.ONE;
    const eq = (b: RBounds, v: Rational) => expect(b.lo.eq(v) && b.hi.eq(v)).toBe(true);
    eq(P.expR(Z), one);
    eq(P.logR(one), Z);
    eq(P.sinR(Z), Z);
    eq(P.cosR(Z), one);
    eq(P.tanhR(Z), Z);
    eq(P.erfR(Z), Z);
    eq(P.sqrtR(q('9/4')), q('3/2'));
    eq(P.sqrtR(Z), Z);
    eq(P.logSumExpR([q('7/3')]), q('7/3'));
    eq(P.softmaxR([q('1'), q('1')])[0]!, q('1/2'));
    eq(P.sigmoidR(Z), q('1/2'));
    eq(P.expm1R(Z), Z);
  });
  it('domain errors', () => {
    expect(() => P.logR(Rational.ZERO)).toThrow(RangeError);
    expect(() => P.logR(q('-1'))).toThrow(RangeError);
    expect(() => P.sqrtR(q('-1/4'))).toThrow(RangeError);
    expect(() => P.expR(Rational.of(2 ** 21))).toThrow(RangeError);
    expect(() => P.logSumExpR([])).toThrow(RangeError);
    expect(() => P.expR(Rational.ONE, 3)).toThrow(RangeError);
    expect(P.softmaxR([])).toEqual([]);
  });
});

describe('identities (bounds contain the exact value)', () => {
  it('exp(log x) ∋ x and log(exp x) ∋ x', () => {
    fc.assert(
      fc.property(posRat, (x) => {
        const L = P.logR(x, 160);
        // exp is increasing: exp(L.lo).lo ≤ x ≤ exp(L.hi).hi
        return P.expR(L.lo, 160).lo.le(x) && x.le(P.expR(L.hi, 160).hi);
      }),
      { seed: 101, numRuns: 150 },
    );
    fc.assert(
      fc.property(rat(700), (x) => {
        const E = P.expR(x, 160);
        return P.logR(E.lo, 160).lo.le(x) && x.le(P.logR(E.hi, 160).hi);
      }),
      { seed: 102, numRuns: 150 },
    );
  });
  it('sin² + cos² ∋ 1, sin(2x) = 2 sin x cos x', () => {
    fc.assert(
      fc.property(rat(1e6), (x) => {
        const s = P.sinR(x, 160);
        const c = P.cosR(x, 160);
        const one = iadd(imul(s, s), imul(c, c));
        const s2 = P.sinR(x.mul(Rational.of(2)), 160);
        const sc = imul(s, c);
        const twoSc = { lo: sc.lo.mul(Rational.of(2)), hi: sc.hi.mul(Rational.of(2)) };
        return contains(one, Rational.ONE) && s2.lo.le(twoSc.hi) && twoSc.lo.le(s2.hi);
      }),
      { seed: 103, numRuns: 150 },
    );
  });
  it('sqrt(x)² ∋ x; tanh = (e^{2x}−1)/(e^{2x}+1); erf odd; sigmoid(x)+sigmoid(−x) ∋ 1', () => {
    fc.assert(
      fc.property(posRat, rat(30), (x, y) => {
        const r = P.sqrtR(x, 160);
        if (!(r.lo.mul(r.lo).le(x) && x.le(r.hi.mul(r.hi)))) return false;
        const t = P.tanhR(y, 160);
        const E = P.expR(y.mul(Rational.of(2)), 160);
        const f = (e: Rational) => e.sub(Rational.ONE).div(e.add(Rational.ONE)); // increasing in e
        if (!(t.lo.le(f(E.hi)) && f(E.lo).le(t.hi))) return false;
        const a = P.erfR(y, 160);
        const b = P.erfR(y.neg(), 160);
        if (!(a.lo.eq(b.hi.neg()) && a.hi.eq(b.lo.neg()))) return false;
        const s = iadd(P.sigmoidR(y, 160), P.sigmoidR(y.neg(), 160));
        return contains(s, Rational.ONE);
      }),
      { seed: 104, numRuns: 150 },
    );
  });
  it('logSumExp and softmax: Σ p ∋ 1, log p_i = x_i − LSE', () => {
    fc.assert(
      fc.property(fc.array(rat(60), { minLength: 1, maxLength: 12 }), (xs) => {
        const ps = P.softmaxR(xs, 160);
        const sum = ps.reduce((acc, p) => iadd(acc, p), { lo: Rational.ZERO, hi: Rational.ZERO });
        if (!contains(sum, Rational.ONE)) return false;
        const lse = P.logSumExpR(xs, 160);
        // p_0 = exp(x_0 − LSE), exp increasing, LSE ∈ [lo, hi]
        const lo = P.expR(xs[0]!.sub(lse.hi), 160).lo;
        const hi = P.expR(xs[0]!.sub(lse.lo), 160).hi;
        return ps[0]!.lo.le(hi) && lo.le(ps[0]!.hi);
      }),
      { seed: 105, numRuns: 100 },
    );
  });
  it('erf: series and asymptotic regions overlap at the switch', () => {
    // at bits = 200 the switch is at x² ≈ 0.3466·242 ≈ 83.9; at bits = 260 it is ≈ 104.7
    for (const s of ['9', '9.2', '9.5', '10']) {
      const a = P.erfR(q(s), 200); // asymptotic for x > 9.16
      const b = P.erfR(q(s), 260); // series up to 10.2
      expect(a.lo.le(b.hi) && b.lo.le(a.hi), s).toBe(true);
      expect(narrow(a, 200), s).toBe(true);
    }
    // third region: x² ≥ P + 10
    const c = P.erfR(q('20'), 200);
    expect(c.hi.eq(Rational.ONE) && narrow(c, 200)).toBe(true);
  });
});

describe('widths: hi − lo ≤ 2^-(bits−10)·max(1, |value|)', () => {
  const fns: [string, (x: Rational, bits: number) => RBounds, fc.Arbitrary<Rational>][] = [
    ['exp', P.expR, rat(700)],
    ['log', P.logR, posRat],
    ['sqrt', P.sqrtR, posRat],
    ['sin', P.sinR, rat(1e10)],
    ['cos', P.cosR, rat(1e10)],
    ['tanh', P.tanhR, rat(300)],
    ['erf', P.erfR, rat(30)],
    ['expm1', P.expm1R, rat(100)],
    ['sigmoid', P.sigmoidR, rat(2000)],
  ];
  for (const [name, f, arb] of fns) {
    it(name, () => {
      fc.assert(
        fc.property(arb, fc.constantFrom(64, 200, 333), (x, bits) => {
          const b = f(x, bits);
          if (!narrow(b, bits)) throw new Error(`${name}(${x.toDecimal(20)}) @${bits}: width ${width(b).toDecimal(5)}`);
          return true;
        }),
        { seed: 111, numRuns: 120 },
      );
    });
  }
  it('relative accuracy for tiny arguments (sin, tanh, erf, expm1, log near 1, sqrt)', () => {
    const x = R(2 ** -1000);
    const rel = (b: RBounds) => width(b).div(b.lo.abs());
    for (const b of [P.sinR(x), P.tanhR(x), P.erfR(x), P.expm1R(x), P.sqrtR(x), P.logR(Rational.ONE.add(x))]) {
      expect(rel(b).le(pow2(-190))).toBe(true);
    }
    const ps = P.softmaxR([Rational.ZERO, q('-700')]);
    expect(rel(ps[1]!).le(pow2(-190))).toBe(true);
  });
  it('logSumExp / softmax widths', () => {
    fc.assert(
      fc.property(fc.array(rat(1000), { minLength: 1, maxLength: 10 }), (xs) => {
        const l = P.logSumExpR(xs, 200);
        return narrow(l, 200) && P.softmaxR(xs, 200).every((p) => narrow(p, 200));
      }),
      { seed: 112, numRuns: 60 },
    );
  });
});

describe('precision monotonicity: more bits ⇒ nested enclosures overlap', () => {
  it('bounds at 64 and 300 bits overlap (both contain the truth)', () => {
    fc.assert(
      fc.property(rat(50), (x) => {
        for (const f of [P.expR, P.sinR, P.cosR, P.tanhR, P.erfR]) {
          const a = f(x, 64);
          const b = f(x, 300);
          if (!(a.lo.le(b.hi) && b.lo.le(a.hi))) return false;
        }
        return true;
      }),
      { seed: 121, numRuns: 80 },
    );
  });
});

describe('toFloat64Bounds', () => {
  it('rounds lo down and hi up, tightly', () => {
    fc.assert(
      fc.property(rat(800), (x) => {
        const b = P.expR(x, 100);
        const [lo, hi] = P.toFloat64Bounds(b);
        if (!R(lo).le(b.lo)) return false;
        if (hi !== Infinity && !b.hi.le(R(hi))) return false;
        // tight: the adjacent doubles inward are on the wrong side
        const lo1 = stepUp(lo, 1);
        const hi1 = stepDown(hi, 1);
        return (lo1 === Infinity || R(lo1).gt(b.lo)) && (hi === Infinity || R(hi1).lt(b.hi));
      }),
      { seed: 131, numRuns: 200 },
    );
    const t = P.toFloat64Bounds({ lo: q('1/3'), hi: q('1/3') });
    expect(t[0]).toBe(0.3333333333333333);
    expect(t[1]).toBe(0.33333333333333337);
    expect(P.toFloat64Bounds({ lo: q('1/2'), hi: q('1/2') })).toEqual([0.5, 0.5]);
    const huge = Rational.of(10n ** 400n);
    expect(P.toFloat64Bounds({ lo: huge, hi: huge })).toEqual([Number.MAX_VALUE, Infinity]);
    expect(P.toFloat64Bounds({ lo: huge.neg(), hi: huge.neg() })).toEqual([-Infinity, -Number.MAX_VALUE]);
    const tiny = Rational.of(1n, 10n ** 400n);
    expect(P.toFloat64Bounds({ lo: tiny, hi: tiny })).toEqual([0, 5e-324]);
  });
});

describe('speed (200 bits, |x| ≤ 50)', () => {
  it('prints µs per call; asserts a loose ceiling', () => {
    const xs = [q('0.7'), q('-3.3'), q('12.25'), q('-49.9'), q('49.5'), R(Math.PI / 3)];
    const fns: [string, (x: Rational) => RBounds][] = [
      ['exp', (x) => P.expR(x)],
      ['log', (x) => P.logR(x.abs())],
      ['sqrt', (x) => P.sqrtR(x.abs())],
      ['sin', (x) => P.sinR(x)],
      ['cos', (x) => P.cosR(x)],
      ['tanh', (x) => P.tanhR(x)],
      ['erf', (x) => P.erfR(x)],
    ];
    const report: Record<string, string> = {};
    for (const [name, f] of fns) {
      for (const x of xs) f(x); // warm-up
      let worst = 0;
      for (const x of xs) {
        const t0 = performance.now();
        for (let i = 0; i < 5; i++) f(x);
        worst = Math.max(worst, (performance.now() - t0) / 5);
      }
      report[name] = `${(worst * 1000).toFixed(0)}µs`;
      // target < 1 ms; 20 ms ceiling so a loaded CI machine does not flake
      expect(worst).toBeLessThan(20);
    }
    console.log('[precise] worst time per call at 200 bits, |x| ≤ 50:', JSON.stringify(report));
  });
});
