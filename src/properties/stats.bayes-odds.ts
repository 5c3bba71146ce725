/**
 * stats.bayes-odds — posterior odds = Bayes factor × prior odds:
 * P(H₀|x)/P(H₁|x) = [P(x|H₀)/P(x|H₁)]·[P(H₀)/P(H₁)], with the marginal likelihood
 * P(x|H_i) = Σ_θ f(x|θ, H_i)π(θ|H_i). Checked exactly on discrete priors (finite θ-grids) and
 * Bernoulli data, computing the posterior from the joint distribution directly.
 * Seed 000_1c190711b4cfcedd.txt, line 245: "posterior odds = Bayes factor \times prior odds"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { probabilityVector } from './arbitraries.js';

interface Hyp { thetas: Rational[]; prior: Rational[] }

const hypArb: fc.Arbitrary<Hyp> = fc.integer({ min: 1, max: 3 }).chain((m) => fc.record({
  thetas: fc.array(fc.integer({ min: 1, max: 11 }).map((k) => Rational.of(k, 12)), { minLength: m, maxLength: m }),
  prior: probabilityVector(m),
}));

const arb = fc.record({
  h0: hypArb, h1: hypArb,
  p0: fc.integer({ min: 1, max: 9 }).map((k) => Rational.of(k, 10)),
  x: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 6 }),
});

const lik = (theta: Rational, x: number[]) => x.reduce((acc, v) => acc.mul(v ? theta : Rational.ONE.sub(theta)), Rational.ONE);
/** Marginal likelihood P(x | H) = Σ_θ f(x|θ)π(θ|H). */
export const marginal = (h: Hyp, x: number[]) => Rational.sum(h.thetas.map((t, i) => lik(t, x).mul(h.prior[i]!)));

/** Posterior P(H₀ | x) from the joint over (H, θ, x), without the odds formula. */
function posteriorH0(h0: Hyp, h1: Hyp, p0: Rational, x: number[]): Rational {
  const joint0 = Rational.sum(h0.thetas.map((t, i) => p0.mul(h0.prior[i]!).mul(lik(t, x))));
  const joint1 = Rational.sum(h1.thetas.map((t, i) => Rational.ONE.sub(p0).mul(h1.prior[i]!).mul(lik(t, x))));
  return joint0.div(joint0.add(joint1));
}

export const claim: ClaimModule = {
  id: 'stats.bayes-odds',
  properties: [
    {
      name: 'odds-identity',
      kind: 'identity',
      description: 'For discrete priors under H₀, H₁ and Bernoulli data, the posterior odds computed from the joint distribution equal B₀₁ × prior odds exactly.',
      arbitrary: arb,
      runs: 150,
      check: ({ h0, h1, p0, x }) => {
        const post = posteriorH0(h0, h1, p0, x);
        const lhs = post.div(Rational.ONE.sub(post));
        const rhs = marginal(h0, x).div(marginal(h1, x)).mul(p0.div(Rational.ONE.sub(p0)));
        return lhs.eq(rhs) ? { ok: true } : { ok: false, detail: `posterior odds ${lhs} ≠ B·prior odds ${rhs}` };
      },
    },
  ],
  audit: () => {
    const h0: Hyp = { thetas: [Rational.of(1, 2)], prior: [Rational.ONE] };
    const h1: Hyp = { thetas: [Rational.of(1, 4), Rational.of(3, 4)], prior: [Rational.of(1, 2), Rational.of(1, 2)] };
    const x = [1, 1, 1, 0];
    const B = marginal(h0, x).div(marginal(h1, x));
    const p0 = Rational.of(1, 2);
    const post = posteriorH0(h0, h1, p0, x);
    return [
      {
        id: 'stats.bayes-odds',
        verdict: 'confirmed',
        evidence: `Exact on every generated case. Instance: H₀ θ = 1/2, H₁ θ ∈ {1/4, 3/4} equally likely, x = (1,1,1,0), P(H₀) = 1/2: ` +
          `P(x|H₀) = ${marginal(h0, x)}, P(x|H₁) = ${marginal(h1, x)}, B₀₁ = ${B}; P(H₀|x) = ${post}, posterior odds ${post.div(Rational.ONE.sub(post))} = B₀₁ × 1.`,
      },
    ];
  },
};
