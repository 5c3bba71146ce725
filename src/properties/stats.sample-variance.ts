/**
 * stats.sample-variance — E[S²] = σ² for S² = Σ(X_i − X̄)²/(n−1); the 1/n version has mean (n−1)σ²/n.
 * Seed 000_1c190711b4cfcedd.txt, line 11: "Sample variance: $S^2 = \frac{1}{n-1} \sum (X_i - \bar{X})^2$."
 */

import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { expectation, populationVariance, samplingDistribution, sampleVariance, type FiniteDist } from '../oracles/statistics.js';
import { meanBound, varianceBound, precisionOf } from '../numerics/bounds.js';
import { smallRational, probabilityVector, f32Mixed, vector } from './arbitraries.js';

const popArb: fc.Arbitrary<{ pop: FiniteDist; n: number }> = fc.record({
  k: fc.integer({ min: 1, max: 3 }),
  n: fc.integer({ min: 2, max: 5 }),
}).chain(({ k, n }) => fc.record({
  pop: fc.record({ values: fc.array(smallRational(), { minLength: k, maxLength: k }), probs: probabilityVector(k) }),
  n: fc.constant(n),
}));

/** Conformance of `stats.variance` for one input, exported for the wrong-variant tests. */
export function checkVariance(x: number[], correction: 0 | 1, impl: Implementation): Outcome {
  const n = x.length;
  const got = impl.ops['stats.variance']!({ x, correction }) as number;
  const xs = x.map((v) => Rational.fromFloat64(v));
  const exact = sampleVariance(xs, correction);
  const mean = Rational.sum(xs).div(Rational.fromInt(n));
  const ss = Rational.sum(xs.map((v) => v.sub(mean).pow(2)));
  const p = precisionOf(impl);
  const sumAbs = x.reduce((s, v) => s + Math.abs(v), 0);
  const bound = varianceBound(n, correction, ss.toFloat64() * (1 + 2 ** -50), meanBound(n, sumAbs, p), p);
  if (!Number.isFinite(got)) return { ok: false, detail: `returned ${got}` };
  const err = Rational.fromFloat64(got).sub(exact).abs().toFloat64();
  const ratio = bound === 0 ? (err === 0 ? 0 : Infinity) : err / bound;
  return { ok: ratio <= 1, ratio, detail: `got ${got}, exact ${exact.toDecimal(12)}, |error| ${err.toExponential(3)} > bound ${bound.toExponential(3)}` };
}

export const claim: ClaimModule = {
  id: 'stats.sample-variance',
  properties: [
    {
      name: 'unbiased',
      kind: 'identity',
      description: 'For every finite population and n ≥ 2, E[S²] over all ordered samples equals σ² exactly, and E[σ̂²_{1/n}] = (n−1)σ²/n.',
      arbitrary: popArb,
      runs: 60,
      check: ({ pop, n }) => {
        const s2 = populationVariance(pop);
        const eS2 = expectation(samplingDistribution(pop, n, (xs) => sampleVariance(xs, 1)));
        const eBiased = expectation(samplingDistribution(pop, n, (xs) => sampleVariance(xs, 0)));
        const want = s2.mul(Rational.of(n - 1, n));
        if (!eS2.eq(s2)) return { ok: false, detail: `E[S²] = ${eS2} ≠ σ² = ${s2}` };
        if (!eBiased.eq(want)) return { ok: false, detail: `E[σ̂²] = ${eBiased} ≠ (n−1)σ²/n = ${want}` };
        return { ok: true };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s variance (correction 0 and 1) is within the two-pass error bound of the exact value of the same float inputs.',
      arbitrary: fc.record({ x: vector(2, 40, f32Mixed(1000)), correction: fc.constantFrom<0 | 1>(0, 1) }),
      ops: ['stats.variance'],
      runs: 100,
      check: ({ x, correction }, impl) => checkVariance(x, correction, impl!),
    },
  ],
  audit: () => {
    const pop: FiniteDist = { values: [Rational.ZERO, Rational.ONE], probs: [Rational.of(1, 2), Rational.of(1, 2)] };
    const eS2 = expectation(samplingDistribution(pop, 2, (xs) => sampleVariance(xs, 1)));
    const eB = expectation(samplingDistribution(pop, 2, (xs) => sampleVariance(xs, 0)));
    return [
      {
        id: 'stats.sample-variance',
        verdict: eS2.eq(populationVariance(pop)) ? 'confirmed' : 'refuted',
        evidence: `The 1/(n−1) definition (000:11) is the unbiased one. Fair coin, n = 2: E[S²] = ${eS2} = σ² = ${populationVariance(pop)}, ` +
          `while the 1/n version has E = ${eB} = (n−1)σ²/n. The notes define S² but never state E[S²] = σ²; the 1/d variances ` +
          `in the layer-norm sections (000:479, 003:488) are the layer-norm convention, not this estimator.`,
      },
    ];
  },
};
