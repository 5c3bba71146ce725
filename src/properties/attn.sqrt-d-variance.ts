/**
 * attn.sqrt-d-variance — for independent q ~ N(μq, σq²I_d), k ~ N(μk, σk²I_d):
 * E[qᵀk] = μqᵀμk and Var(qᵀk) = dσq²σk² + σq²‖μk‖² + σk²‖μq‖².
 * Seed 002_606757b0cdfd2eb0.txt, line 682: "= d\sigma^4 = d ... Var(XY) = Var(X)Var(Y) + Var(X)E[Y]^2 + Var(Y)E[X]^2"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { dotProductMoment, dotProductClosedForm } from '../oracles/attention.js';
import { smallRational } from './arbitraries.js';

const arb = fc.integer({ min: 1, max: 6 }).chain((d) => fc.record({
  muQ: fc.array(smallRational(6, 4), { minLength: d, maxLength: d }),
  muK: fc.array(smallRational(6, 4), { minLength: d, maxLength: d }),
  s2q: smallRational(9, 4).map((r) => r.abs()),
  s2k: smallRational(9, 4).map((r) => r.abs()),
}));

function momentsByExpansion(muQ: Rational[], muK: Rational[], s2q: Rational, s2k: Rational) {
  const m1 = dotProductMoment(1, muQ, muK, s2q, s2k);
  const m2 = dotProductMoment(2, muQ, muK, s2q, s2k);
  return { mean: m1, variance: m2.sub(m1.mul(m1)) };
}

export const claim: ClaimModule = {
  id: 'attn.sqrt-d-variance',
  properties: [
    {
      name: 'closed-form',
      kind: 'identity',
      description: 'Mean and variance of qᵀk from exact Gaussian moments (polynomial expansion) equal the closed form, for rational μ, σ².',
      arbitrary: arb,
      runs: 200,
      check: ({ muQ, muK, s2q, s2k }) => {
        const a = momentsByExpansion(muQ, muK, s2q, s2k);
        const b = dotProductClosedForm(muQ, muK, s2q, s2k);
        return a.mean.eq(b.mean) && a.variance.eq(b.variance)
          ? { ok: true }
          : { ok: false, detail: `expansion (${a.mean}, ${a.variance}) vs closed form (${b.mean}, ${b.variance})` };
      },
    },
  ],
  audit: () => {
    const d = 64;
    const zeros = Array.from({ length: d }, () => Rational.ZERO);
    const std = momentsByExpansion(zeros, zeros, Rational.ONE, Rational.ONE);
    const mu = Array.from({ length: d }, () => Rational.of(1, 2));
    const shifted = momentsByExpansion(mu, mu, Rational.ONE, Rational.ONE);
    const scaledVar = std.variance.div(Rational.fromInt(d));
    const ok = std.mean.isZero() && std.variance.eq(Rational.fromInt(d)) && scaledVar.eq(Rational.ONE);
    return [
      {
        id: 'attn.sqrt-d-variance',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `With μ = 0, σ = 1 and q ⟂ k (independence is used but not stated): d = ${d} gives E[qᵀk] = ${std.mean}, ` +
          `Var(qᵀk) = ${std.variance} = d, so Var(qᵀk/√d) = ${scaledVar}: the scale s = √d (002:684) is right.`,
      },
      {
        id: 'attn.sqrt-d-variance#mean-typo',
        verdict: 'confirmed',
        evidence: `Typo, graded on the intended meaning: 002:671 writes Σ_i E[q_i]E[k_i] = Σ_i μ_i; it is Σ_i μ_i² = ‖μ‖² (the line's last equality is right). ` +
          `E.g. μ = (1/2, …, 1/2) in d = ${d}: E[qᵀk] = ${shifted.mean}, while Σμ_i = ${Rational.of(d, 2)}.`,
      },
      {
        id: 'attn.sqrt-d-variance#nonzero-mean',
        verdict: 'confirmed',
        evidence: `The notes assume μ = 0 (002:673), and the assumption is needed: with a common mean μ ≠ 0 the exact moments are E[qᵀk] = ‖μ‖², Var(qᵀk) = dσ⁴ + 2σ²‖μ‖² ` +
          `(μ = 1/2·𝟙, σ = 1, d = ${d}: mean ${shifted.mean}, variance ${shifted.variance}, not d = ${d}); ` +
          `dividing by √d standardises qᵀk only in the zero-mean case the notes specialise to.`,
      },
    ];
  },
};
