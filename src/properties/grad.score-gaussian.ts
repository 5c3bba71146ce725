/**
 * grad.score-gaussian — for X ~ N(μ, σ²): ∇_μ E[f(X)] = E[(X − μ)/σ² · f(X)] (and, for σ,
 * ∂_σ E[f(X)] = E[f(X)((X − μ)² − σ²)/σ³]); exact for polynomial f via Gaussian moments.
 * Seed 002_606757b0cdfd2eb0.txt, line 258: "= \mathbb{E}_{x \sim p_\mu(x)} \left[\frac{x - \mu}{\sigma^2} f(x) \right]"
 */

/** Polynomials of degree ≤ 6 with small rational coefficients; rational μ and σ > 0 (shared with grad.reparam). */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { expectationAsPolyInMu, expectationAsPolyInSigma, polyDeriv, polyEval, scoreMu, scoreSigma, scoreMuSecondMoment, type Poly } from '../oracles/gradients.js';
import { smallRational } from './arbitraries.js';

const polyArb: fc.Arbitrary<Poly> = fc.array(smallRational(9, 4), { minLength: 1, maxLength: 7 });
export const gaussArb = fc.record({
  f: polyArb,
  mu: smallRational(6, 4),
  sigma: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 })).map(([p, q]) => Rational.of(p, q)),
});

export const claim: ClaimModule = {
  id: 'grad.score-gaussian',
  properties: [
    {
      name: 'mu-gradient',
      kind: 'identity',
      description: 'For polynomial f (degree ≤ 6), rational μ and σ > 0: d/dμ E[f(μ + σZ)] (E[f] expanded as an exact polynomial in μ, differentiated) equals E[(X − μ)/σ² · f(X)] (exact Gaussian moments).',
      arbitrary: gaussArb,
      runs: 150,
      check: ({ f, mu, sigma }) => {
        const d = polyEval(polyDeriv(expectationAsPolyInMu(f, sigma)), mu), s = scoreMu(f, mu, sigma);
        return d.eq(s) ? { ok: true } : { ok: false, detail: `dF/dμ = ${d}, score mean ${s}` };
      },
    },
    {
      name: 'sigma-gradient',
      kind: 'identity',
      description: 'd/dσ E[f(μ + σZ)] equals E[f(X)·∂_σ log p(X)] = E[f(X)((X − μ)² − σ²)/σ³], exactly.',
      arbitrary: gaussArb,
      runs: 150,
      check: ({ f, mu, sigma }) => {
        const d = polyEval(polyDeriv(expectationAsPolyInSigma(f, mu)), sigma), s = scoreSigma(f, mu, sigma);
        return d.eq(s) ? { ok: true } : { ok: false, detail: `dF/dσ = ${d}, score mean ${s}` };
      },
    },
  ],
  audit: () => {
    const f: Poly = [Rational.ZERO, Rational.ZERO, Rational.ONE]; // f(x) = x²
    const mu = Rational.of(3, 2), sigma = Rational.of(1, 2);
    const d = polyEval(polyDeriv(expectationAsPolyInMu(f, sigma)), mu), s = scoreMu(f, mu, sigma);
    const v = scoreMuSecondMoment(f, mu, sigma).sub(s.pow(2));
    return [
      {
        id: 'grad.score-gaussian',
        verdict: d.eq(s) ? 'confirmed' : 'refuted',
        evidence: `∇_μ E[f] = E[(x − μ)/σ² f(x)] (002:256–258) holds exactly (differentiation under the integral is valid for polynomial f). f(x) = x², μ = ${mu}, σ = ${sigma}: ` +
          `E[f] = μ² + σ², d/dμ = 2μ = ${d}; the score-function mean is ${s}. Its single-sample variance is ${v} (exact), the reparameterised one (E[f′(X)] = 2X) has variance 4σ² = ${Rational.fromInt(4).mul(sigma.pow(2))}. ` +
          `Checked exactly for k = 1 (the notes state the k-D isotropic case; it is not enumerated here).`,
      },
    ];
  },
};
