/**
 * pre.spanbert — SpanBERT applies BERT's 80/10/10 regime per span (one decision for all tokens of a span,
 * 003:699–702); each token's marginal is still 80/10/10 but the tokens of a span are perfectly
 * correlated. The SBO predicts x_i from the boundary tokens x_{s−1}, x_{e+1} and the relative position
 * p_{i−s+1} ∈ {1, …, e − s + 1} (003:713).
 * Seed 003_c2e944a0f3874627.txt, line 699: "- Once a span is chosen for masking, all the tokens within the span are substituted according to the same regime used in BERT:-"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { spanJointOutcomes, spanMarginal, sboInputs } from '../oracles/pretraining.js';

const REGIME = [Rational.of(4, 5), Rational.of(1, 10), Rational.of(1, 10)];

export const claim: ClaimModule = {
  id: 'pre.spanbert',
  properties: [
    {
      name: 'per-span-marginals',
      kind: 'identity',
      description: 'Deciding mask / random / keep once per span of n tokens: every token’s marginal law is the regime (80/10/10), while P(two tokens of a span get different treatments) = 0 (exact enumeration).',
      arbitrary: fc.integer({ min: 1, max: 10 }),
      runs: 20,
      check: (n) => {
        const joint = spanJointOutcomes(n, REGIME);
        for (let i = 0; i < n; i++) {
          const m = spanMarginal(joint, i, 3);
          if (!m.every((v, k) => v.eq(REGIME[k]!))) return { ok: false, detail: `token ${i} marginal ${m.map(String)}` };
        }
        const mixed = [...joint.keys()].filter((k) => new Set(k).size > 1).length;
        return mixed === 0 ? { ok: true } : { ok: false, detail: `${mixed} mixed outcomes` };
      },
    },
    {
      name: 'sbo-positions',
      kind: 'identity',
      description: 'For a span (s, e) inside a sequence of n tokens the SBO inputs of x_i are the two boundary tokens outside the span and the relative position i − s + 1, which runs over 1 … e − s + 1 exactly once.',
      arbitrary: fc.integer({ min: 3, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 2 })).chain(([n, s]) => fc.tuple(fc.constant(n), fc.constant(s), fc.integer({ min: s, max: n - 2 })))),
      runs: 100,
      check: ([n, s, e]) => {
        const xs = sboInputs(s, e);
        const rels = xs.map((x) => x.rel).join();
        const want = Array.from({ length: e - s + 1 }, (_, k) => k + 1).join();
        if (rels !== want) return { ok: false, detail: `relative positions ${rels}` };
        return xs.every((x) => x.left === s - 1 && x.right === e + 1 && x.left >= 0 && x.right < n && (x.left < s && x.right > e)) ? { ok: true } : { ok: false, detail: 'boundary tokens inside the span or outside the sequence' };
      },
    },
  ],
  audit: () => {
    const joint = spanJointOutcomes(3, REGIME);
    return [{
      id: 'pre.spanbert',
      verdict: 'confirmed',
      evidence: `Per-span regime over a 3-token span: P(all [MASK]) = ${joint.get('000')}, P(all random) = ${joint.get('111')}, P(all kept) = ${joint.get('222')}; each token's marginal (${spanMarginal(joint, 1, 3).map(String).join(', ')}) is BERT's 80/10/10. ` +
        `The SBO of 003:714 conditions on x_{s−1}, x_{e+1} (outside the span) and p_{i−s+1}, the 1-based position inside the span (Joshi et al. 2020, eq. 1).`,
    }];
  },
};
