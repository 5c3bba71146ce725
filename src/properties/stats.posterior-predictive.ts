/**
 * stats.posterior-predictive — f(x_{n+1}|x) = ∫ f(x_{n+1}|θ)π(θ|x)dθ when X_{n+1} ⊥ X_{1..n} given θ.
 * Checked exactly two ways: (1) discrete priors on a θ-grid, against P(x, x_{n+1})/P(x) from the
 * joint; (2) a Beta(a, b) prior with integer a, b, where every integral is a Beta function
 * B(p, q) = (p−1)!(q−1)!/(p+q−1)! and the predictive is (a + k)/(a + b + n) (Laplace's rule for a = b = 1).
 * Seed 000_1c190711b4cfcedd.txt, line 211: "called the *posterior predictive density*"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { probabilityVector } from './arbitraries.js';

const fact = (n: number): bigint => { let r = 1n; for (let i = 2; i <= n; i++) r *= BigInt(i); return r; };
/** B(p, q) for positive integers, exactly. */
export const betaFn = (p: number, q: number): Rational => Rational.of(fact(p - 1) * fact(q - 1), fact(p + q - 1));

const lik = (theta: Rational, x: number[]) => x.reduce((acc, v) => acc.mul(v ? theta : Rational.ONE.sub(theta)), Rational.ONE);

const discreteArb = fc.integer({ min: 1, max: 4 }).chain((m) => fc.record({
  thetas: fc.array(fc.integer({ min: 1, max: 11 }).map((k) => Rational.of(k, 12)), { minLength: m, maxLength: m }),
  prior: probabilityVector(m),
  x: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 0, maxLength: 6 }),
})).filter(({ thetas, prior, x }) => !Rational.sum(thetas.map((t, i) => lik(t, x).mul(prior[i]!))).isZero());

export const claim: ClaimModule = {
  id: 'stats.posterior-predictive',
  properties: [
    {
      name: 'discrete-prior',
      kind: 'identity',
      description: 'For a discrete prior and Bernoulli data, Σ_θ f(1|θ)π(θ|x) equals P(x, X_{n+1} = 1)/P(x) computed from the joint distribution, exactly.',
      arbitrary: discreteArb,
      runs: 150,
      check: ({ thetas, prior, x }: { thetas: Rational[]; prior: Rational[]; x: number[] }) => {
        const px = Rational.sum(thetas.map((t, i) => lik(t, x).mul(prior[i]!)));
        const post = thetas.map((t, i) => lik(t, x).mul(prior[i]!).div(px));
        const pred = Rational.sum(thetas.map((t, i) => t.mul(post[i]!)));
        const joint = Rational.sum(thetas.map((t, i) => lik(t, [...x, 1]).mul(prior[i]!))).div(px);
        return pred.eq(joint) ? { ok: true } : { ok: false, detail: `∫f π(θ|x) = ${pred}, joint ratio ${joint}` };
      },
    },
    {
      name: 'beta-bernoulli',
      kind: 'identity',
      description: 'Beta(a, b) prior (integers), k ones in n Bernoulli draws: ∫θ π(θ|x)dθ = B(a+k+1, b+n−k)/B(a+k, b+n−k) = (a + k)/(a + b + n) exactly.',
      arbitrary: fc.record({ a: fc.integer({ min: 1, max: 6 }), b: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 0, max: 10 }) })
        .chain((r) => fc.integer({ min: 0, max: r.n }).map((k) => ({ ...r, k }))),
      runs: 150,
      check: ({ a, b, n, k }) => {
        const pred = betaFn(a + k + 1, b + n - k).div(betaFn(a + k, b + n - k));
        const closed = Rational.of(a + k, a + b + n);
        return pred.eq(closed) ? { ok: true } : { ok: false, detail: `${pred} ≠ ${closed}` };
      },
    },
  ],
  audit: () => {
    const pred = betaFn(1 + 3 + 1, 1 + 1).div(betaFn(1 + 3, 1 + 1));
    // Dependence given θ breaks the last step: X_{n+1} = X_n given θ.
    const thetas = [Rational.of(1, 4), Rational.of(3, 4)], prior = [Rational.of(1, 2), Rational.of(1, 2)];
    const x = [1];
    const px = Rational.sum(thetas.map((t, i) => lik(t, x).mul(prior[i]!)));
    const formula = Rational.sum(thetas.map((t, i) => t.mul(lik(t, x)).mul(prior[i]!).div(px)));
    return [
      {
        id: 'stats.posterior-predictive',
        verdict: 'confirmed',
        evidence: `Exact for discrete priors (against the joint distribution) and for Beta priors (Beta-function integrals). ` +
          `Uniform prior, x = (1, 1, 1, 0): P(X₅ = 1 | x) = ${pred} = (1+3)/(2+4) (Laplace's rule of succession).`,
      },
      {
        id: 'stats.posterior-predictive#conditional-independence',
        verdict: 'confirmed',
        evidence: `The third equality (000:214) uses the stated assumption that X_{n+1} is independent of X_1..X_n given θ; it is needed: if X_{n+1} = X_n (a copy), ` +
          `θ ∈ {1/4, 3/4} equally likely, x = (1), the true P(X₂ = 1 | x) = 1 but the formula gives ${formula}.`,
      },
    ];
  },
};
