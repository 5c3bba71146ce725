/**
 * cnn.dW-variance — for x_{ij} (mean 0, variance σx²) and dy_{ij} (mean 0, variance σy²), all
 * independent, dw_{hl} = Σ_{i,j ≤ m} x_{i+h−1,j+l−1} dy_{ij} has E = 0 and Var = m²σx²σy², m = n − k + 1.
 * With means μx, μy: E = m²μxμy, Var = m²(σx²σy² + σx²μy² + σy²μx²).
 * Seed 002_606757b0cdfd2eb0.txt, line 378: "\text{Var}(dw_{ij}) = m^2 \sigma_x^2 \sigma_y^2, \text{ where } m = n - k + 1"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { distMoments, dwMoments, dwMomentsByEnumeration, type Dist } from '../oracles/convolution.js';
import { probabilityVector, smallRational } from './arbitraries.js';

const distArb = (k: number): fc.Arbitrary<Dist> => fc.record({
  values: fc.array(smallRational(6, 3), { minLength: k, maxLength: k }),
  probs: probabilityVector(k),
});

/** n, k with m = n − k + 1 ∈ {1, 2}; two-point distributions when m = 2 (256 joint outcomes), up to three-point when m = 1. */
const enumArb = fc.record({ k: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 2 }) }).chain(({ k, m }) => fc.record({
  n: fc.constant(m + k - 1), k: fc.constant(k),
  dx: distArb(m === 2 ? 2 : 3), ddy: distArb(m === 2 ? 2 : 3),
}));

const centred = (d: Dist): Dist => {
  const { mean } = distMoments(d);
  return { values: d.values.map((v) => v.sub(mean)), probs: d.probs };
};

export const claim: ClaimModule = {
  id: 'cnn.dW-variance',
  properties: [
    {
      name: 'enumeration',
      kind: 'identity',
      description: 'Exhaustive enumeration of every joint outcome of X and dY (independent entries, finite rational distributions) gives E[dw_{11}] = m²μxμy and Var(dw_{11}) = m²(σx²σy² + σx²μy² + σy²μx²) exactly.',
      arbitrary: enumArb,
      runs: 60,
      check: ({ n, k, dx, ddy }) => {
        const a = dwMomentsByEnumeration(n, k, dx, ddy);
        const mx = distMoments(dx), my = distMoments(ddy);
        const b = dwMoments(n - k + 1, mx.mean, mx.variance, my.mean, my.variance);
        return a.mean.eq(b.mean) && a.variance.eq(b.variance) ? { ok: true } : { ok: false, detail: `enumeration (${a.mean}, ${a.variance}) vs closed form (${b.mean}, ${b.variance})` };
      },
    },
    {
      name: 'zero-mean-notes',
      kind: 'identity',
      description: 'Centred distributions (the notes’ assumption): enumeration gives E[dw] = 0 and Var(dw) = m²σx²σy² (002:378).',
      arbitrary: enumArb,
      runs: 60,
      check: ({ n, k, dx, ddy }) => {
        const cx = centred(dx), cy = centred(ddy);
        const a = dwMomentsByEnumeration(n, k, cx, cy);
        const m = n - k + 1;
        const want = Rational.fromInt(m * m).mul(distMoments(cx).variance).mul(distMoments(cy).variance);
        return a.mean.isZero() && a.variance.eq(want) ? { ok: true } : { ok: false, detail: `E = ${a.mean}, Var = ${a.variance}, notes m²σx²σy² = ${want}` };
      },
    },
  ],
  audit: () => {
    const rad: Dist = { values: [Rational.fromInt(-1), Rational.ONE], probs: [Rational.of(1, 2), Rational.of(1, 2)] };
    const z = dwMomentsByEnumeration(3, 2, rad, rad); // m = 2
    const ok = z.mean.isZero() && z.variance.eq(Rational.fromInt(4));
    const shifted: Dist = { values: [Rational.ZERO, Rational.fromInt(2)], probs: rad.probs }; // mean 1, variance 1
    const s = dwMomentsByEnumeration(3, 2, shifted, shifted);
    const big = dwMoments(30, Rational.ZERO, Rational.ONE, Rational.ZERO, Rational.ONE);
    return [
      {
        id: 'cnn.dW-variance',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `Under the notes' assumptions (zero means, and — unstated — all x_{ij}, dy_{ij} mutually independent), exact enumeration of all 2⁸ outcomes for ` +
          `n = 3, k = 2 (m = 2), Rademacher x and dy: E[dw_11] = ${z.mean}, Var(dw_11) = ${z.variance} = m²σx²σy². Distinct (i, j) terms share no variable, so ` +
          `cross terms vanish; Std(dw) = mσxσy = (n − k + 1)σxσy = Θ(n) for fixed k (m = 30: Var = ${big.variance}).`,
      },
      {
        id: 'cnn.dW-variance#nonzero-mean',
        verdict: 'confirmed',
        evidence: `The notes assume zero means (002:376), and the assumption is needed: x, dy ∈ {0, 2} uniformly (μ = σ² = 1), n = 3, k = 2: E[dw_11] = ${s.mean} (= m²μxμy), ` +
          `Var(dw_11) = ${s.variance} = m²(σx²σy² + σx²μy² + σy²μx²), not m²σx²σy² = 4. In a real network dy also depends on x, which the independence assumption ignores.`,
      },
    ];
  },
};
