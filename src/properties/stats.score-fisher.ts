/**
 * stats.score-fisher — for a regular model, the score s = ∂l/∂θ has E[s] = 0 and
 * I(θ) = Var(s) = E[s²] = E[−∂²l/∂θ²]. Checked exactly on finite-support families whose
 * probabilities are polynomials in θ (Binomial(n, θ) and Bernstein mixtures), where every
 * expectation is a finite rational sum. The regularity (support independent of θ) is necessary:
 * for Uniform(0, θ) the score is −1/θ on the whole support.
 * Seed 000_1c190711b4cfcedd.txt, line 92: "Then expected value of score at θ is 0, i.e., $E(s | \theta) = 0$."
 */

/** θ strictly inside (0, 1). */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { fisher, polyEval, bernsteinFamily, binomialFamily, iidFamily, type PolyFamily } from '../oracles/statistics.js';
import { probabilityVector } from './arbitraries.js';

export const thetaArb = fc.integer({ min: 1, max: 15 }).map((k) => Rational.of(k, 16));

/** A Bernstein-mixture family with all probabilities positive at θ. */
export const familyArb: fc.Arbitrary<{ fam: PolyFamily; theta: Rational; label: string }> = fc.oneof(
  fc.record({ n: fc.integer({ min: 1, max: 6 }), theta: thetaArb }).map(({ n, theta }) => ({ fam: binomialFamily(n), theta, label: `Binomial(${n}, θ)` })),
  fc.integer({ min: 2, max: 4 }).chain((K) => fc.record({ q: probabilityVector(K), r: probabilityVector(K), t: probabilityVector(K), theta: thetaArb }))
    .map(({ q, r, t, theta }) => ({ fam: bernsteinFamily(q, r, t), theta, label: `Bernstein(q=[${q.join(',')}], r=[${r.join(',')}], t=[${t.join(',')}])` })),
).filter(({ fam, theta }) => fam.every((c) => polyEval(c, theta).gt(Rational.ZERO)));

export const claim: ClaimModule = {
  id: 'stats.score-fisher',
  properties: [
    {
      name: 'mean-zero',
      kind: 'identity',
      description: 'E_θ[s(θ)] = 0 exactly for every generated finite-support family and θ ∈ (0, 1) with all probabilities positive.',
      arbitrary: familyArb,
      runs: 150,
      check: ({ fam, theta, label }) => {
        const f = fisher(fam, theta);
        return f.meanScore.isZero() ? { ok: true } : { ok: false, detail: `${label}, θ = ${theta}: E[s] = ${f.meanScore}` };
      },
    },
    {
      name: 'information-equality',
      kind: 'identity',
      description: 'Var(s) = E[s sᵀ] = E[−l″] exactly (the two definitions of the Fisher information agree).',
      arbitrary: familyArb,
      runs: 150,
      check: ({ fam, theta, label }) => {
        const f = fisher(fam, theta);
        return f.varScore.eq(f.expNegHess) ? { ok: true } : { ok: false, detail: `${label}, θ = ${theta}: Var(s) = ${f.varScore}, E[−l″] = ${f.expNegHess}` };
      },
    },
    {
      name: 'additivity',
      kind: 'metamorphic',
      description: 'For n i.i.d. observations the information is n times that of one: I_n(θ) = nI₁(θ), exactly.',
      arbitrary: fc.record({ base: familyArb, n: fc.integer({ min: 1, max: 3 }) }).filter(({ base }) => base.fam.length ** 3 <= 125),
      runs: 40,
      check: ({ base, n }) => {
        const one = fisher(base.fam, base.theta).varScore;
        const many = fisher(iidFamily(base.fam, n), base.theta).varScore;
        return many.eq(one.mul(Rational.fromInt(n))) ? { ok: true } : { ok: false, detail: `I_${n} = ${many} ≠ ${n}·${one}` };
      },
    },
  ],
  audit: () => {
    const theta = Rational.of(1, 3);
    const b = fisher(binomialFamily(1), theta);
    return [
      {
        id: 'stats.score-fisher',
        verdict: 'confirmed',
        evidence: `For regular models (support not depending on θ, differentiation under the sum allowed) E[s] = 0 and Var(s) = E[−l″] hold exactly on every generated family. ` +
          `Bernoulli(θ), θ = 1/3: s = (${b.score.join(', ')}) for x = 0, 1; E[s] = ${b.meanScore}; Var(s) = ${b.varScore} = E[−l″] = ${b.expNegHess} = 1/(θ(1−θ)).`,
      },
      {
        id: 'stats.score-fisher#regularity',
        verdict: 'confirmed',
        evidence: 'The regularity conditions are a standing hypothesis of the score identities (every statement of them assumes them), and they are needed. The notes state E(s|θ) = 0 and the two forms of I(θ) without the regularity conditions. For Uniform(0, θ), l(θ; x) = −log θ on 0 < x < θ, so s = −1/θ for every x: ' +
          'E[s] = −1/θ ≠ 0, Var(s) = 0, and E[−l″] = −1/θ² < 0. At θ = 2: E[s] = −1/2, Var(s) = 0, E[−l″] = −1/4. The identities need a support independent of θ.',
      },
    ];
  },
};
