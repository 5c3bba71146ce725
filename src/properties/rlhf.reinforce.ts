/**
 * rlhf.reinforce — the log-derivative (REINFORCE) identity ∇_θ E_{s∼p_θ}[R(s)] = E[R(s) ∇_θ log p_θ(s)]
 * and its Monte Carlo estimator (1/m) Σ_i R(s_i) ∇_θ log p_θ(s_i).
 * Seed 003_c2e944a0f3874627.txt, lines 979–1001.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { expectedRewardGradient, scoreFunctionGradient, reinforceEstimatorMean, ratioPolicy, scoreFunction } from '../oracles/alignment.js';

/** A finite outcome space: positive integer weights θ (the policy p_θ(s) = θ_s/Σθ) and rational rewards. */
const policyArb = fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({
  theta: fc.array(fc.integer({ min: 1, max: 20 }).map((k) => Rational.of(k, 4)), { minLength: n, maxLength: n }),
  R: fc.array(fc.integer({ min: -12, max: 12 }).map((k) => Rational.of(k, 3)), { minLength: n, maxLength: n }),
}));

const vecEq = (a: Rational[], b: Rational[]) => a.length === b.length && a.every((v, i) => v.eq(b[i]!));
const show = (a: Rational[]) => `(${a.map((v) => v.toString()).join(', ')})`;

/** One REINFORCE step θ' = θ + α R(s) ∇ log p_θ(s) on a single sample s. */
function step(theta: Rational[], R: Rational, s: number, alpha: Rational): Rational[] {
  const g = scoreFunction(theta, s);
  return theta.map((t, k) => t.add(alpha.mul(R).mul(g[k]!)));
}

export const claim: ClaimModule = {
  id: 'rlhf.reinforce',
  properties: [
    {
      name: 'log-derivative-trick',
      kind: 'identity',
      description: 'Exactly, on finite outcome spaces with the policy p_θ(s) = θ_s/Σθ: the gradient of E[R] by the quotient rule equals Σ_s p_θ(s) R(s) ∇ log p_θ(s) (003:979–985).',
      arbitrary: policyArb,
      runs: 200,
      check: ({ theta, R }: { theta: Rational[]; R: Rational[] }) => {
        const a = expectedRewardGradient(theta, R), b = scoreFunctionGradient(theta, R);
        return vecEq(a, b) ? { ok: true } : { ok: false, detail: `∇E[R] = ${show(a)}, E[R ∇log p] = ${show(b)}` };
      },
    },
    {
      name: 'estimator-unbiased',
      kind: 'identity',
      description: 'Exactly, by enumerating every sample tuple: the m-sample estimator (1/m) Σ R(s_i) ∇ log p_θ(s_i) (003:991) has expectation ∇_θ E[R], for m = 1, 2, 3.',
      arbitrary: fc.tuple(policyArb.filter((c) => c.theta.length <= 4), fc.integer({ min: 1, max: 3 })),
      runs: 60,
      check: ([{ theta, R }, m]: [{ theta: Rational[]; R: Rational[] }, number]) => {
        const a = expectedRewardGradient(theta, R), b = reinforceEstimatorMean(theta, R, m);
        return vecEq(a, b) ? { ok: true } : { ok: false, detail: `m = ${m}: E[estimator] = ${show(b)} ≠ ∇E[R] = ${show(a)}` };
      },
    },
    {
      name: 'step-direction',
      kind: 'identity',
      description: 'Exactly: a small step θ + αR(s)∇log p_θ(s) on one sample s (α = 2⁻¹⁶) raises p_θ(s) when R(s) > 0 and lowers it when R(s) < 0, unless ∇p_θ(s) = 0 (003:995–1001).',
      arbitrary: fc.tuple(policyArb.filter((c) => c.theta.length >= 2), fc.nat()),
      runs: 150,
      check: ([{ theta, R }, k]: [{ theta: Rational[]; R: Rational[] }, number]) => {
        const s = k % theta.length;
        const alpha = Rational.of(1, 1 << 16);
        const next = step(theta, R[s]!, s, alpha);
        if (next.some((t) => t.sign() <= 0)) return { ok: true };
        const before = ratioPolicy(theta)[s]!, after = ratioPolicy(next)[s]!;
        const sgn = R[s]!.sign();
        const c = after.cmp(before);
        return c === sgn ? { ok: true } : { ok: false, detail: `R = ${R[s]}, p(s): ${before} → ${after}` };
      },
    },
  ],
  audit: () => {
    const theta = [1, 2, 3].map((k) => Rational.fromInt(k)), R = [1, 0, -2].map((k) => Rational.fromInt(k));
    const a = expectedRewardGradient(theta, R), b = scoreFunctionGradient(theta, R), c = reinforceEstimatorMean(theta, R, 2);
    const ok = vecEq(a, b) && vecEq(a, c);
    const pos = ratioPolicy(step(theta, R[0]!, 0, Rational.of(1, 64)))[0]!, neg = ratioPolicy(step(theta, R[2]!, 2, Rational.of(1, 64)))[2]!;
    const p = ratioPolicy(theta);
    return [
      {
        id: 'rlhf.reinforce',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `∇_θ p_θ = p_θ ∇_θ log p_θ turns Σ_S R(S)∇p_θ(S) into E[R(S)∇ log p_θ(S)] (003:979–985), which needs no derivative of R. ` +
          `Instance: p_θ(s) = θ_s/Σθ with θ = (1, 2, 3), R = (1, 0, −2): the quotient-rule gradient ${show(a)} equals E[R ∇log p] = ${show(b)} exactly.`,
      },
      {
        id: 'rlhf.reinforce#estimator',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `The sample average (1/m) Σ R(s_i)∇ log p_θ(s_i) over m i.i.d. samples (003:989–991) is unbiased: for the instance above and m = 2, its exact expectation over all 9 sample pairs is ${show(c)}.`,
      },
      {
        id: 'rlhf.reinforce#direction',
        verdict: pos.gt(p[0]!) && neg.lt(p[2]!) ? 'confirmed' : 'refuted',
        evidence: `One step θ + α R(s)∇ log p_θ(s) (α = 1/64) on s₁ with R = 1 raises p(s₁) from ${p[0]} to ${pos}; on s₃ with R = −2 it lowers p(s₃) from ${p[2]} to ${neg} (003:995–1001): ` +
          `to first order the change is αR|∇p(s)|²/p(s).`,
      },
    ];
  },
};
