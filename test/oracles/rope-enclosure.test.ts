/**
 * attn.rope's oracle is the fast rigorous enclosure (ropeEnclosure, src/oracles/attention.ts: θ_i = exp(−(2i/d)·ln base)
 * and the angle pos·θ_i enclosed directly in outward-rounded doubles, sin/cos enclosed) — cheap at any position, no
 * rational rotation raised to the position. The exact tier stays the reference here: on seeded inputs (positions up
 * to 8192, both pairings, bases 100 … 500000) every fast enclosure contains the high-precision enclosure of the same
 * value (src/numerics/precise.ts, rational bounds at 96 bits: ln base, exp, the angle, sin and cos), and is tight;
 * the enclosure of a neighbouring position does not contain it (the containment test can fail).
 */
import { describe, expect, test } from 'vitest';
import { ropeEnclosure, ropePair } from '../../src/oracles/attention.js';
import { cosR, expR, logR, sinR, type RBounds } from '../../src/numerics/precise.js';
import { Rational } from '../../src/numerics/rational.js';
import type { Interval } from '../../src/numerics/interval.js';
import { mulberry32 } from '../../src/util/prng.js';

const BITS = 96;
const R = (x: number) => Rational.fromFloat64(x);

/** [lo, hi]·k for an exact rational k. */
const scaleR = (b: RBounds, k: Rational): RBounds => (k.sign() >= 0 ? { lo: b.lo.mul(k), hi: b.hi.mul(k) } : { lo: b.hi.mul(k), hi: b.lo.mul(k) });
const addR = (a: RBounds, b: RBounds): RBounds => ({ lo: a.lo.add(b.lo), hi: a.hi.add(b.hi) });

/** High-precision enclosures of cos and sin of pos·base^(−2i/d): the angle's enclosure [a, b] has width w; sin/cos are 1-Lipschitz. */
function trigPrecise(pos: number, i: number, d: number, base: number): { c: RBounds; s: RBounds } {
  const ln = logR(Rational.fromInt(base), BITS);
  const x = scaleR(ln, Rational.of(-2 * i, d));
  const theta: RBounds = i === 0 ? { lo: Rational.ONE, hi: Rational.ONE } : { lo: expR(x.lo, BITS).lo, hi: expR(x.hi, BITS).hi };
  const ang = scaleR(theta, Rational.fromInt(pos));
  const w = ang.hi.sub(ang.lo);
  const widen = (b: RBounds): RBounds => ({ lo: b.lo.sub(w), hi: b.hi.add(w) });
  return { c: widen(cosR(ang.lo, BITS)), s: widen(sinR(ang.lo, BITS)) };
}

/** The high-precision enclosure of RoPE on one row: o_a = x_a c − x_b s, o_b = x_b c + x_a s. */
function ropePrecise(row: number[], pos: number, base: number, pairing: 'interleaved' | 'rotate-half'): RBounds[] {
  const d = row.length, out = new Array<RBounds>(d);
  for (let i = 0; i < d / 2; i++) {
    const { c, s } = trigPrecise(pos, i, d, base);
    const [ia, ib] = ropePair(i, d, pairing);
    const xa = R(row[ia]!), xb = R(row[ib]!);
    out[ia] = addR(scaleR(c, xa), scaleR(s, xb.neg()));
    out[ib] = addR(scaleR(c, xb), scaleR(s, xa));
  }
  return out;
}

const contains = (fast: Interval, p: RBounds) => R(fast.lo).le(p.lo) && p.hi.le(R(fast.hi));

describe('ropeEnclosure against the high-precision tier', () => {
  const rng = mulberry32(2024);
  const cases = Array.from({ length: 24 }, (_, k) => {
    const d = 2 * (1 + Math.floor(rng() * 8));
    return {
      x: Array.from({ length: d }, () => Math.fround((rng() * 2 - 1) * 4)),
      pos: k % 6 === 0 ? 8192 - k : Math.floor(rng() * (k % 2 ? 4096 : 64)) + 1,
      base: [10000, 10000, 500000, 100][k % 4]!,
      pairing: (k % 3 === 0 ? 'rotate-half' : 'interleaved') as 'interleaved' | 'rotate-half',
    };
  });

  test('every fast enclosure contains the precise one and is tight', () => {
    let worstWidth = 0;
    for (const c of cases) {
      const fast = ropeEnclosure([c.x], [c.pos], c.base, c.pairing)[0]!;
      const prec = ropePrecise(c.x, c.pos, c.base, c.pairing);
      prec.forEach((p, j) => {
        expect(contains(fast[j]!, p), `pos ${c.pos}, d = ${c.x.length}, base ${c.base}, ${c.pairing}, coordinate ${j}: [${fast[j]!.lo}, ${fast[j]!.hi}] vs [${p.lo.toDecimal(20)}, ${p.hi.toDecimal(20)}]`).toBe(true);
        worstWidth = Math.max(worstWidth, (fast[j]!.hi - fast[j]!.lo) / (1 + c.pos));
      });
    }
    // the enclosure is a few ulps of the angle wide (relative to the position), not a vacuous [−∞, ∞]
    expect(worstWidth).toBeLessThan(1e-13);
  });

  test('the enclosure of the neighbouring position excludes the precise value (a wrong oracle is caught)', () => {
    let excluded = 0;
    for (const c of cases) {
      const fast = ropeEnclosure([c.x], [c.pos + 1], c.base, c.pairing)[0]!;
      const prec = ropePrecise(c.x, c.pos, c.base, c.pairing);
      if (prec.some((p, j) => !contains(fast[j]!, p))) excluded++;
    }
    expect(excluded).toBe(cases.length);
  });
});
