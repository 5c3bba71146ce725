/**
 * text.zero-prob — one unseen bigram makes the MLE probability of the whole sentence 0.
 * Seed 004_975819c312b074f9.txt, line 206: P(...) = (0.01) × (0.05) × (0) = 0.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { ngramProb } from '../oracles/text.js';
import { sentencesArb } from './text-shared.js';

/** Bigram probability of a sentence under MLE (k = 0) or add-k: the product over its bigrams. */
function sentenceProb(train: string[][], s: string[], k: Rational, V: number): Rational {
  let p = Rational.ONE;
  for (let i = 1; i < s.length; i++) p = p.mul(ngramProb(train, [s[i - 1]!], s[i]!, { k, vocabSize: V }) ?? Rational.ZERO);
  return p;
}

export const claim: ClaimModule = {
  id: 'text.zero-prob',
  properties: [
    {
      name: 'zero-iff-unseen',
      kind: 'identity',
      description: 'Under the bigram MLE a test sentence has probability 0 exactly when one of its bigrams is unseen (or its history unseen); under Laplace smoothing it is never 0.',
      arbitrary: fc.record({ train: sentencesArb, test: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 2, maxLength: 6 }) }),
      runs: 150,
      check: ({ train, test }: { train: string[][]; test: string[] }) => {
        const V = 5;
        const seen = new Set(train.flatMap((s) => s.slice(1).map((w, i) => `${s[i]} ${w}`)));
        const unseen = test.slice(1).some((w, i) => !seen.has(`${test[i]} ${w}`));
        const mle = sentenceProb(train, test, Rational.ZERO, V);
        if (mle.isZero() !== unseen) return { ok: false, detail: `MLE probability ${mle}, unseen bigram: ${unseen}` };
        const lap = sentenceProb(train, test, Rational.ONE, V);
        return lap.sign() > 0 ? { ok: true } : { ok: false, detail: `Laplace probability ${lap}` };
      },
    },
  ],
  audit: () => {
    const p = Rational.parse('0.01').mul(Rational.parse('0.05')).mul(Rational.of(0, 1000));
    return [
      {
        id: 'text.zero-prob',
        verdict: p.isZero() ? 'confirmed' : 'refuted',
        evidence: `(0.01) × (0.05) × (0/1000) = ${p}: a single zero factor makes the chain-rule product 0 (exact); ` +
          'checked on random corpora: the MLE sentence probability is 0 exactly when a bigram is unseen, and never 0 under Laplace smoothing.',
      },
      {
        id: 'text.zero-prob#unseen-bigram',
        verdict: 'confirmed',
        evidence: 'Count(black catapult) = 0, Count(black) = 1000: the MLE is 0/1000 = 0 (004:192–194, restated at 004:200–202).',
      },
    ];
  },
};
