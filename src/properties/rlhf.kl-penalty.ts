/**
 * rlhf.kl-penalty — the KL-penalised reward R(s) = RM(s) − β log(p_RL(s)/p_PT(s)).
 * Seed 003_c2e944a0f3874627.txt, lines 1041–1043.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { klPenalisedReward } from '../oracles/alignment.js';

const dist = (n: number) => fc.array(fc.integer({ min: 1, max: 12 }), { minLength: n, maxLength: n }).map((w) => { const s = w.reduce((a, b) => a + b, 0); return w.map((v) => Rational.of(v, s)); });
const caseArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  p: dist(n), pref: dist(n),
  rm: fc.array(fc.integer({ min: -20, max: 20 }).map((k) => Rational.of(k, 4)), { minLength: n, maxLength: n }),
  beta: fc.integer({ min: 1, max: 40 }).map((k) => Rational.of(k, 20)),
}));
const mid = (b: { lo: Rational; hi: Rational }) => b.lo.add(b.hi).div(Rational.of(2));

export const claim: ClaimModule = {
  id: 'rlhf.kl-penalty',
  properties: [
    {
      name: 'expected-penalty-is-kl',
      kind: 'identity',
      description: 'Exactly (enclosures): E_{s∼p}[R(s)] = E_p[RM] − β·KL(p‖p_PT) ≤ E_p[RM] (Gibbs), with equality iff p = p_PT; each sample is penalised (R(s) < RM(s)) iff p(s) > p_PT(s), rewarded iff p(s) < p_PT(s).',
      arbitrary: caseArb,
      runs: 150,
      check: ({ p, pref, rm, beta }: { p: Rational[]; pref: Rational[]; rm: Rational[]; beta: Rational }) => {
        const r = klPenalisedReward(rm, p, pref, beta);
        const target = { lo: r.expectedRm.sub(beta.mul(r.kl.hi)), hi: r.expectedRm.sub(beta.mul(r.kl.lo)) };
        if (r.expected.hi.lt(target.lo) || target.hi.lt(r.expected.lo)) return { ok: false, detail: 'E[R] ≠ E[RM] − β KL' };
        const same = p.every((v, i) => v.eq(pref[i]!));
        if (!same && !r.expected.hi.lt(r.expectedRm)) return { ok: false, detail: `E[R] not below E[RM] although p ≠ p_PT` };
        for (let i = 0; i < p.length; i++) {
          const c = p[i]!.cmp(pref[i]!);
          const v = r.perOutcome[i]!;
          if (c > 0 && !v.hi.lt(rm[i]!)) return { ok: false, detail: `p > p_PT at ${i} but no penalty` };
          if (c < 0 && !v.lo.gt(rm[i]!)) return { ok: false, detail: `p < p_PT at ${i} but no bonus` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const p = [Rational.of(3, 4), Rational.of(1, 4)], pref = [Rational.of(1, 2), Rational.of(1, 2)], rm = [Rational.ONE, Rational.ONE], beta = Rational.of(1, 10);
    const r = klPenalisedReward(rm, p, pref, beta);
    return [
      {
        id: 'rlhf.kl-penalty',
        verdict: 'confirmed',
        evidence: `R(s) = RM(s) − β log(p^RL(s)/p^PT(s)) (003:1041; the notes' p^KL is the policy being trained, ρ^L of 003:1031) is penalised exactly when p^RL(s) > p^PT(s) (003:1043) and raised when p^RL(s) < p^PT(s). ` +
          `Its expectation under the policy is E[RM] − β·KL(p^RL‖p^PT) ≤ E[RM] (Gibbs): with p^RL = (3/4, 1/4), p^PT = (1/2, 1/2), RM ≡ 1, β = 1/10: R = (${r.perOutcome.map((v) => mid(v).toDecimal(6)).join(', ')}), ` +
          `E[R] = ${mid(r.expected).toDecimal(6)} = 1 − β·KL with KL = ${mid(r.kl).toDecimal(6)} nats — the penalty keeps the policy near the pretrained model on average, not sample by sample.`,
      },
    ];
  },
};
