/**
 * stats.mse-decomposition — MSE(θ̂) = Var(θ̂) + Bias(θ̂)².
 * Seed 000_1c190711b4cfcedd.txt, line 51: "Note that $\text{MSE}(\hat{\theta}) = \text{Var}(\hat{\theta}) + \text{Bias}(\hat{\theta})^2.$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { mseParts, samplingDistribution, sampleVariance, populationVariance, type FiniteDist } from '../oracles/statistics.js';
import { smallRational, probabilityVector } from './arbitraries.js';

const estimatorArb: fc.Arbitrary<{ est: FiniteDist; theta: Rational }> = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    est: fc.record({ values: fc.array(smallRational(), { minLength: n, maxLength: n }), probs: probabilityVector(n) }),
    theta: smallRational(),
  }));

export const claim: ClaimModule = {
  id: 'stats.mse-decomposition',
  properties: [
    {
      name: 'identity',
      kind: 'identity',
      description: 'For every finite sampling distribution of θ̂ and every θ, E[(θ̂−θ)²] = Var(θ̂) + Bias(θ̂)² exactly.',
      arbitrary: estimatorArb,
      runs: 200,
      check: ({ est, theta }) => {
        const { mse, variance, bias } = mseParts(est, theta);
        const rhs = variance.add(bias.mul(bias));
        return mse.eq(rhs) ? { ok: true } : { ok: false, detail: `MSE = ${mse}, Var + Bias² = ${rhs}` };
      },
    },
  ],
  audit: () => {
    // The plug-in variance of n = 3 Bernoulli(1/3) draws, by enumerating all 2³ samples.
    const pop: FiniteDist = { values: [Rational.ZERO, Rational.ONE], probs: [Rational.of(2, 3), Rational.of(1, 3)] };
    const sigma2 = populationVariance(pop);
    const est = samplingDistribution(pop, 3, (xs) => sampleVariance(xs, 0));
    const { mse, variance, bias } = mseParts(est, sigma2);
    const ok = mse.eq(variance.add(bias.mul(bias)));
    return [{
      id: 'stats.mse-decomposition',
      verdict: ok ? 'confirmed' : 'refuted',
      evidence: `Exact for every generated finite sampling distribution. Instance: σ̂² = (1/n)Σ(X_i−X̄)² for n = 3 ` +
        `Bernoulli(1/3) draws (all 8 samples enumerated), θ = σ² = ${sigma2}: MSE = ${mse}, Var = ${variance}, ` +
        `Bias = ${bias}, Var + Bias² = ${variance.add(bias.mul(bias))}.`,
    }];
  },
};
