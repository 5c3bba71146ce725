/**
 * pre.mlm — BERT's masking: select 15% of the tokens; of these 80% → [MASK], 10% → a random token, 10%
 * unchanged (004:1695–1703, 003:601–603). HF's DataCollatorForLanguageModeling realises it as
 * Bernoulli(0.15) selection, then Bernoulli(0.8) mask, then Bernoulli(0.5) random among the rest.
 * Seed 004_975819c312b074f9.txt, line 1695: "1. **80% of the time:** The token is replaced with the [MASK] token."
 */
import fc from 'fast-check';
import { checkMlm, mlmSampleArb } from './pre-mlm-sample.js';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { mlmOutcomes, mlmChangedProb } from '../oracles/pretraining.js';

export const claim: ClaimModule = {
  id: 'pre.mlm',
  properties: [
    {
      name: 'cascade-gives-80-10-10',
      kind: 'identity',
      description: 'The three-stage Bernoulli cascade (q, a, b) gives P(mask | selected) = a, P(random | selected) = (1 − a)b, P(kept | selected) = (1 − a)(1 − b); the four outcomes sum to 1, and (0.15, 0.8, 0.5) gives 12% / 1.5% / 1.5% of all tokens — i.e. 80/10/10 of the selected (exact rationals; checked for generated q, a, b).',
      arbitrary: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([x, y, z]) => [Rational.of(x, 20), Rational.of(y, 20), Rational.of(z, 20)] as const),
      runs: 100,
      check: ([q, a, b]) => {
        const o = mlmOutcomes(q, a, b);
        if (!o.notSelected.add(o.mask).add(o.random).add(o.kept).eq(Rational.ONE)) return { ok: false, detail: 'outcomes do not sum to 1' };
        if (!q.isZero()) {
          if (!o.mask.div(q).eq(a)) return { ok: false, detail: `P(mask | selected) = ${o.mask.div(q)}` };
          if (!o.random.div(q).eq(Rational.ONE.sub(a).mul(b))) return { ok: false, detail: `P(random | selected) = ${o.random.div(q)}` };
        }
        return { ok: true };
      },
    },
    {
      name: 'mask-statistics',
      kind: 'conformance',
      description: 'pre.mlm-mask on 16 384-token sequences: exact invariants (special tokens never selected, unselected positions unchanged, labels = originals at selected positions and −100 elsewhere, ids in range, the same seed gives the same result) and Chernoff–KL binomial tests (proved critical counts) of the selection rate 0.15 over non-special positions, the [MASK] share 0.8 + 0.1/V and the unchanged share 0.1 + 0.1/V among the selected, at ALPHA_PER_CHECK (src/statistics/budget.ts).',
      arbitrary: mlmSampleArb,
      ops: ['pre.mlm-mask'],
      runs: 3,
      check: (a, impl) => checkMlm(a, impl!),
    },
  ],
  audit: () => {
    const q = Rational.of(15, 100), a = Rational.of(4, 5), b = Rational.of(1, 2);
    const o = mlmOutcomes(q, a, b);
    const ch = mlmChangedProb(q, a, b, 30522);
    return [
      {
        id: 'pre.mlm',
        verdict: 'confirmed',
        evidence: `Selection 15%, then 80% [MASK], 10% random, 10% unchanged: per token P([MASK]) = ${o.mask} = 12%, P(random) = ${o.random} = 1.5%, P(selected, unchanged) = ${o.kept} = 1.5% ` +
          `(HF cascade 0.15 · 0.8, 0.15 · 0.2 · 0.5, 0.15 · 0.2 · 0.5 — exact). With a uniform random token over V = 30522, P(input token differs from the original) = ${ch} ≈ ${ch.toDecimal(6)}.`,
      },
      {
        id: 'pre.mlm#003-selected',
        verdict: 'refuted',
        evidence: `003:603 says "of these 80% replaced with [mask], 10% are selected tokens, and the remaining 10% are left unchanged": every one of them is a selected token; the middle 10% are replaced by a random token (003:598 ②, 004:1699, Devlin et al. 2019 §3.1). ` +
          `As written the three shares describe only two outcomes (mask, unchanged) and leave 10% of the selected tokens unaccounted for.`,
      },
    ];
  },
};
