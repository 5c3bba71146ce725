/**
 * grad.log-derivative — for any family p_θ: ∇_θ E_{p_θ}[f] = ∫ ∇_θ p_θ f = E_{p_θ}[f ∇_θ log p_θ].
 * Seed 002_606757b0cdfd2eb0.txt, line 260: "= \int_K p_\theta(x) \frac{\nabla_\theta p_\theta(x)}{p_\theta(x)} f(x) dx"
 * Checked exactly on discrete mixtures p_θ = (1 − θ)q₀ + θq₁ (F linear in θ) and on the
 * Gaussian σ-family (see grad.score-gaussian).
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { mixtureLogDerivative } from '../oracles/gradients.js';
import { probabilityVector, smallRational } from './arbitraries.js';

const mixArb = fc.integer({ min: 1, max: 6 }).chain((k) => fc.record({
  q0: probabilityVector(k), q1: probabilityVector(k),
  f: fc.array(smallRational(), { minLength: k, maxLength: k }),
  theta: fc.integer({ min: 1, max: 11 }).map((t) => Rational.of(t, 12)),
}));

export const claim: ClaimModule = {
  id: 'grad.log-derivative',
  properties: [
    {
      name: 'mixture-family',
      kind: 'identity',
      description: 'Discrete p_θ = (1 − θ)q₀ + θq₁, 0 < θ < 1: E_{p_θ}[f ∇_θ log p_θ] equals ∇_θ F = Σ(q₁ − q₀)f, which equals the exact unit difference F(θ + 1) − F(θ) (F is linear).',
      arbitrary: mixArb,
      runs: 150,
      check: ({ q0, q1, f, theta }) => {
        const r = mixtureLogDerivative(q0, q1, f, theta);
        return r.exact.eq(r.estimator) && r.exact.eq(r.byDifference) ? { ok: true } : { ok: false, detail: `∇F = ${r.exact}, estimator mean ${r.estimator}, difference ${r.byDifference}` };
      },
    },
    {
      name: 'support-matters',
      kind: 'identity',
      description: 'At θ ∈ {0, 1} (boundary: p_θ vanishes where q₁ or q₀ has mass) the estimator mean over supp p_θ misses Σ_{p_θ(x)=0} ∇_θ p_θ(x) f(x); the identity needs ∇p_θ = 0 off the support — checked: mismatch exactly equals that sum.',
      arbitrary: mixArb,
      runs: 100,
      check: ({ q0, q1, f }) => {
        const r = mixtureLogDerivative(q0, q1, f, Rational.ZERO);
        const missing = Rational.sum(f.map((fi: Rational, i: number) => (q0[i]!.isZero() ? q1[i]!.mul(fi) : Rational.ZERO)));
        return r.exact.sub(r.estimator).eq(missing) ? { ok: true } : { ok: false, detail: `∇F − estimator = ${r.exact.sub(r.estimator)}, off-support term ${missing}` };
      },
    },
  ],
  audit: () => {
    const q0 = [Rational.of(1, 2), Rational.of(1, 2), Rational.ZERO], q1 = [Rational.ZERO, Rational.of(1, 2), Rational.of(1, 2)];
    const f = [Rational.ONE, Rational.fromInt(2), Rational.fromInt(5)];
    const r = mixtureLogDerivative(q0, q1, f, Rational.of(1, 3));
    const b = mixtureLogDerivative(q0, q1, f, Rational.ZERO);
    return [
      {
        id: 'grad.log-derivative',
        verdict: r.exact.eq(r.estimator) ? 'confirmed' : 'refuted',
        evidence: `∇_θF = ∫∇_θp_θ f = E_{p_θ}[∇_θ log p_θ · f] (002:260, the expectation form is on 002:262). Exact check: q₀ = (1/2, 1/2, 0), q₁ = (0, 1/2, 1/2), f = (1, 2, 5), θ = 1/3: ` +
          `∇F = ${r.exact}, estimator mean ${r.estimator}. It needs ∇_θ p_θ = 0 wherever p_θ = 0 (here at θ = 0: ∇F = ${b.exact}, estimator mean over the support ${b.estimator}). ` +
          `002:262 attaches "→ E[∇ log p f]" to the reparameterisation line ("Else, decouple"): a layout slip — that expectation is the log-derivative result.`,
      },
    ];
  },
};
