/**
 * text.laplace — add-one smoothing P(w_i|w_{i−1}) = (Count(w_{i−1}, w_i) + 1) / (Count(w_{i−1}) + V).
 * Seed 004_975819c312b074f9.txt, line 225; the "moves too much probability mass" remark, line 227.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { ngramProb } from '../oracles/text.js';
import { sentencesArb } from './text-shared.js';

export const claim: ClaimModule = {
  id: 'text.laplace',
  properties: [
    {
      name: 'add-k-normalises',
      kind: 'identity',
      description: 'For k ∈ {1, 1/2, 1/100} and every history (seen or not), the add-k estimates over the V-word vocabulary are positive and sum to exactly 1 (history counts); k = 1 is Laplace.',
      arbitrary: fc.record({ sents: sentencesArb, extra: fc.integer({ min: 0, max: 3 }) }),
      runs: 100,
      check: ({ sents, extra }: { sents: string[][]; extra: number }) => {
        const vocab = [...new Set(sents.flat()), ...Array.from({ length: extra }, (_, i) => `unseen${i}`)];
        for (const k of [Rational.ONE, Rational.of(1, 2), Rational.of(1, 100)]) for (const h of vocab) {
          const ps = vocab.map((w) => ngramProb(sents, [h], w, { k, vocabSize: vocab.length })!);
          if (ps.some((p) => p.sign() <= 0)) return { ok: false, detail: `k = ${k}, history ${h}: a zero estimate` };
          const s = Rational.sum(ps);
          if (!s.eq(Rational.ONE)) return { ok: false, detail: `k = ${k}, history ${h}: estimates sum to ${s}` };
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const V = 50000;
    const cat = Rational.of(100 + 1, 1000 + V);
    const unseenMass = Rational.of(V - 2, 1000 + V); // at least V − 2 unseen continuations of "black" (if only "cat" and one other word were seen)
    return [
      {
        id: 'text.laplace',
        verdict: 'confirmed',
        evidence: '(Count(w_{i−1}, w_i) + 1)/(Count(w_{i−1}) + V) sums to 1 over the V words of the vocabulary for every history, seen or not, and is never 0 ' +
          '(exact on random corpora, with k = 1, 1/2, 1/100) — provided Count(w_{i−1}) is the history count.',
      },
      {
        id: 'text.laplace#too-much-mass',
        verdict: 'confirmed',
        evidence: `V = 50,000 with the notes' counts (Count(black cat) = 100, Count(black) = 1000): P(cat|black) falls from 1/10 to 101/51000 ≈ ${cat.toFloat64().toPrecision(4)}, ` +
          `and if "black" was seen before only two distinct words, the unseen continuations receive ${unseenMass} ≈ ${unseenMass.toFloat64().toPrecision(4)} of its mass — "moves too much probability mass" is borne out.`,
      },
    ];
  },
};
