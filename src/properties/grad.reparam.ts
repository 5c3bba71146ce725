/**
 * grad.reparam — with x = g(z, θ), z ~ p(z) independent of θ:
 * ∇_θ E[f(x)] = E_z[∇_θ g(z, θ)ᵀ ∇_x f|_{x = g(z, θ)}]. For g = μ + σz, Z ~ N(0, 1):
 * ∂_μ F = E[f′(μ + σZ)], ∂_σ F = E[f′(μ + σZ)Z]; exact for polynomial f.
 * Seed 002_606757b0cdfd2eb0.txt, line 264: "\nabla_\theta \mathcal{F}(\theta) = \mathbb{E}_{z \sim p(z)} [\nabla_\theta g(z, \theta)^\top \nabla_x f |_{x=g(z, \theta)}]"
 */
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { expectationAsPolyInMu, expectationAsPolyInSigma, polyDeriv, polyEval, reparamMu, reparamSigma, scoreMu, reparamMuSecondMoment, scoreMuSecondMoment, type Poly } from '../oracles/grad-gaussian.js';
import { gaussArb } from './grad.score-gaussian.js';

export const claim: ClaimModule = {
  id: 'grad.reparam',
  properties: [
    {
      name: 'gaussian-location-scale',
      kind: 'identity',
      description: 'g(z) = μ + σz: E[f′(g)] = ∂_μ E[f] and E[f′(g)·z] = ∂_σ E[f] exactly (F expanded as polynomials in μ and in σ, differentiated), for polynomial f of degree ≤ 6.',
      arbitrary: gaussArb,
      runs: 150,
      check: ({ f, mu, sigma }) => {
        const dm = polyEval(polyDeriv(expectationAsPolyInMu(f, sigma)), mu), ds = polyEval(polyDeriv(expectationAsPolyInSigma(f, mu)), sigma);
        const rm = reparamMu(f, mu, sigma), rs = reparamSigma(f, mu, sigma);
        return dm.eq(rm) && ds.eq(rs) ? { ok: true } : { ok: false, detail: `∂μF = ${dm} vs ${rm}; ∂σF = ${ds} vs ${rs}` };
      },
    },
    {
      name: 'agrees-with-score',
      kind: 'identity',
      description: 'Both estimators are unbiased for the same gradient: E[f′(X)] = E[(X − μ)/σ² f(X)] exactly (Stein’s identity).',
      arbitrary: gaussArb,
      runs: 150,
      check: ({ f, mu, sigma }) => {
        const a = reparamMu(f, mu, sigma), b = scoreMu(f, mu, sigma);
        return a.eq(b) ? { ok: true } : { ok: false, detail: `reparam ${a} vs score ${b}` };
      },
    },
  ],
  audit: () => {
    const f: Poly = [Rational.ZERO, Rational.ONE]; // f(x) = x
    const mu = Rational.fromInt(10), sigma = Rational.ONE;
    const r = reparamMu(f, mu, sigma), s = scoreMu(f, mu, sigma);
    const vr = reparamMuSecondMoment(f, mu, sigma).sub(r.pow(2)), vs = scoreMuSecondMoment(f, mu, sigma).sub(s.pow(2));
    return [
      {
        id: 'grad.reparam',
        verdict: r.eq(s) ? 'confirmed' : 'refuted',
        evidence: `∇_θF = E_z[∇_θg(z, θ)ᵀ∇_x f(g(z, θ))] (002:264) holds exactly for g = μ + σz and polynomial f. f(x) = x, μ = ${mu}, σ = ${sigma}: ` +
          `reparameterised mean ${r} = score-function mean ${s} = ∂_μE[X] = 1, but single-sample variances differ: reparameterised ${vr}, score-function ${vs} (= μ²/σ² + 2 exactly: the score estimator μZ/σ + Z² carries the variance of Z², the reparameterised one is the constant f′ = 1).`,
      },
    ];
  },
};
