/**
 * dec.temperature — y = softmax(u/τ) (003:852): τ = 1 changes nothing; τ < 1 makes the distribution more
 * peaked ("more greedy", 003:856–860): the largest probability is non-increasing in τ and tends to 1/|argmax set| as τ → 0.
 * Exactly: for τ = 1/m, softmax(u/τ) = p^m/Σp^m with p = softmax(u), rational for rational p.
 * Seed 003_c2e944a0f3874627.txt, line 852: "$$y = \text{softmax}(u/\tau)$$"
 */
import fc from 'fast-check';
import { checkSample, temperatureSampleArb } from './dec-sample.js';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { temperPower, maxR } from '../oracles/decoding.js';
import { probabilityVector } from './arbitraries.js';

export const claim: ClaimModule = {
  id: 'dec.temperature',
  properties: [
    {
      name: 'sharpens-below-one',
      kind: 'identity',
      description: 'For rational p and τ = 1/m, 1/(m+1): τ = 1 returns p unchanged; the largest probability never decreases as τ decreases, the order of the words is kept, and the entries tied at the maximum keep equal shares.',
      arbitrary: fc.integer({ min: 1, max: 6 }).chain((V) => fc.tuple(probabilityVector(V), fc.integer({ min: 1, max: 6 }))),
      runs: 200,
      check: ([p, m]) => {
        const one = temperPower(p, 1);
        if (!one.every((q, i) => q.eq(p[i]!))) return { ok: false, detail: 'τ = 1 changed the distribution' };
        const a = temperPower(p, m), b = temperPower(p, m + 1);
        if (maxR(b).lt(maxR(a))) return { ok: false, detail: `max prob at τ = 1/${m + 1}: ${maxR(b)} < at τ = 1/${m}: ${maxR(a)}` };
        for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (p[i]!.gt(p[j]!) && !b[i]!.gt(b[j]!) && !p[j]!.isZero()) return { ok: false, detail: `order of ${i}, ${j} changed` };
        return { ok: true };
      },
    },
    {
      name: 'sample-distribution',
      kind: 'conformance',
      description: 'dec.sample with temperature only (τ ∈ {¼, ½, 0.7, 1, 1.3, 2}): 20 000 draws, replay-deterministic, per-token counts against rigorous enclosures of softmax(logits/τ) — Chernoff–KL binomial tests with proved critical counts, Bonferroni over the tokens at the per-check level ALPHA_PER_CHECK (src/statistics/budget.ts).',
      arbitrary: temperatureSampleArb,
      ops: ['dec.sample'],
      runs: 3,
      check: (a, impl) => checkSample(a, impl!),
    },
  ],
  audit: () => {
    const p = [Rational.of(1, 2), Rational.of(1, 3), Rational.of(1, 6)];
    const t2 = temperPower(p, 2), t10 = temperPower(p, 10);
    return [{
      id: 'dec.temperature',
      verdict: 'confirmed',
      evidence: `p = softmax(u) = (1/2, 1/3, 1/6): τ = 1 leaves it unchanged; τ = 1/2 gives (${t2.map(String).join(', ')}) (max ${maxR(t2).toDecimal(4)}); τ = 1/10 gives max ${maxR(t10).toDecimal(6)} — more peaked as τ decreases ` +
        `(max_i softmax(u/τ)_i = 1/Σ_j e^{(u_j − u_max)/τ} is non-increasing in τ). "τ → 1 doesn't make any change" is read as τ = 1; "τ ≤ 1" includes τ = 1 (no change), so "more greedy" holds in the weak sense.`,
    }];
  },
};
