/** dec.top-p-filter generator: declared class shares; exact thresholds really equal a prefix mass; dyadic inputs are exact-friendly. */
import { test, expect } from 'vitest';
import { Rational } from '../../src/numerics/rational.js';
import { topPOpArb } from '../../src/properties/dec.top-p.js';
import { toppDelta } from '../../src/numerics/bounds-topp.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('dec.top-p-filter: classes, exact thresholds, exact-friendly share', () => {
  const { samples, shares } = sampleTagged(topPOpArb, 7);
  console.log('dec.top-p-filter shares', JSON.stringify(shares));
  expectShares('dec.top-p-filter', shares);
  const exact = samples.filter((s) => s.cls === 'exact-threshold');
  const atPrefix = exact.filter((s) => {
    const sorted = s.probs.map((x) => Rational.fromFloat64(x)).sort((a, b) => b.cmp(a));
    let c = Rational.ZERO;
    return sorted.some((x) => { c = c.add(x); return c.eq(Rational.fromFloat64(s.p)); });
  }).length / exact.length;
  console.log('exact-threshold inputs whose p is exactly a prefix mass', atPrefix);
  expect(atPrefix).toBeGreaterThan(0.4);
  const friendly = samples.filter((s) => toppDelta(s.probs, s.p, 'float32').isZero()).length / samples.length;
  console.log('exact-friendly share (δ = 0)', friendly);
  expect(friendly).toBeGreaterThan(0.3);
});
