/**
 * text.ngram-mle — the bigram MLE P(w_i | w_{i−1}) = Count(w_{i−1}, w_i) / Count(w_{i−1}).
 * Seed 004_975819c312b074f9.txt, line 178; example line 184 (100/1000 = 0.1); 003:27–42 (m-gram and 4-gram forms).
 */
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { ngramProb } from '../oracles/text.js';
import { sentencesArb, ngramProbArb, type NgramProbArgs } from './text-shared.js';
import { precisionOf } from '../numerics/bounds.js';
import { ngramProbBound } from '../numerics/bounds-text.js';
import { castFloats } from './gen-helpers.js';
import type { Implementation, Outcome } from '../registry/types.js';

/** The exact estimate of text.ngram-prob for its arguments (k already in the working precision). */
export function ngramProbExact(a: NgramProbArgs): Rational {
  return ngramProb(a.sentences, a.history, a.word, { k: Rational.fromFloat64(a.k), vocabSize: a.vocabSize, history: a.historyCount }) ?? Rational.ZERO;
}

/** Conformance of text.ngram-prob on one case: |p̂ − p| ≤ γ_5·p (src/numerics/bounds-text.ts). */
export function ngramProbConformance(a0: NgramProbArgs, impl: Implementation): Outcome {
  const a = castFloats(a0, impl.dtype);
  const got = impl.ops['text.ngram-prob']!(a) as number;
  const want = ngramProbExact(a);
  if (typeof got !== 'number' || !Number.isFinite(got)) return { ok: false, detail: `non-finite result ${got}` };
  const bound = ngramProbBound(want.toFloat64(), precisionOf(impl));
  const err = Rational.fromFloat64(got).sub(want).abs().toFloat64();
  const ratio = bound > 0 ? err / bound : (err === 0 ? 0 : Infinity);
  return ratio <= 1 ? { ok: true, ratio } : { ok: false, ratio, detail: `P(${a.word} | ${a.history.join(' ') || '∅'}) k = ${a.k}, V = ${a.vocabSize}, ${a.historyCount}: got ${got}, exact ${want} (${want.toFloat64()}), error ${err} > bound ${bound}` };
}

const vocabOf = (s: readonly string[][]) => [...new Set(s.flat())].sort();

export const claim: ClaimModule = {
  id: 'text.ngram-mle',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation\'s add-k n-gram estimate (MLE, Laplace, fractional k; both history-count conventions; uni-, bi- and trigrams; unseen histories give 0 under the MLE) is within γ_5·p of the exact rational.',
      arbitrary: ngramProbArb,
      ops: ['text.ngram-prob'],
      runs: 100,
      check: (a: NgramProbArgs, impl) => ngramProbConformance(a, impl!),
    },
    {
      name: 'conformance-history-count',
      kind: 'conformance',
      description: 'The family nltk.lm expresses (historyCount "history", V above the number of distinct training tokens, so that nltk\'s <UNK> fits in V): within γ_5·p of the exact rational.',
      arbitrary: ngramProbArb.map((a) => ({ ...a, historyCount: 'history' as const, vocabSize: Math.max(a.vocabSize, new Set(a.sentences.flat()).size + 1) })),
      ops: ['text.ngram-prob'],
      runs: 60,
      check: (a: NgramProbArgs, impl) => ngramProbConformance(a, impl!),
    },
    {
      name: 'history-count-normalises',
      kind: 'identity',
      description: 'With Count(w_{i−1}) taken as the history count Σ_w Count(w_{i−1}, w), the MLE conditionals of every seen history sum to 1 over the vocabulary; with the plain unigram count they sum to C_hist/C_uni, < 1 exactly when the history ends a sentence.',
      arbitrary: sentencesArb,
      runs: 150,
      check: (sents: string[][]) => {
        const V = vocabOf(sents);
        for (const h of V) {
          const hist = sents.reduce((a, s) => a + s.slice(0, -1).filter((t) => t === h).length, 0);
          const uni = sents.reduce((a, s) => a + s.filter((t) => t === h).length, 0);
          if (hist === 0) continue;
          const s1 = Rational.sum(V.map((w) => ngramProb(sents, [h], w)!));
          const s2 = Rational.sum(V.map((w) => ngramProb(sents, [h], w, { history: 'ngram' })!));
          if (!s1.eq(Rational.ONE)) return { ok: false, detail: `history "${h}": history-count MLE sums to ${s1}` };
          if (!s2.eq(Rational.of(hist, uni))) return { ok: false, detail: `history "${h}": unigram-count MLE sums to ${s2}, expected ${hist}/${uni}` };
        }
        return { ok: true };
      },
    },
    {
      name: 'trigram-marginal',
      kind: 'identity',
      description: 'For a trigram model the history-count MLE of w given (u, v) times the bigram history MLE of v given u equals Count(u, v, w) / Count(u, v, ·)·… exactly: P(w|u v) = Count(u v w) / Σ_x Count(u v x).',
      arbitrary: sentencesArb,
      runs: 100,
      check: (sents: string[][]) => {
        const V = vocabOf(sents);
        for (const u of V) for (const v of V) {
          const tri = (x: string) => sents.reduce((a, s) => { let c = 0; for (let i = 0; i + 2 < s.length; i++) if (s[i] === u && s[i + 1] === v && s[i + 2] === x) c++; return a + c; }, 0);
          const tot = V.reduce((a, x) => a + tri(x), 0);
          if (tot === 0) continue;
          for (const w of V) {
            const p = ngramProb(sents, [u, v], w)!;
            if (!p.eq(Rational.of(tri(w), tot))) return { ok: false, detail: `P(${w}|${u} ${v}) = ${p}, counts ${tri(w)}/${tot}` };
          }
        }
        return { ok: true };
      },
    },
  ],
  audit: () => {
    // A corpus with Count(black cat) = 100, Count(black) = 1000 (black always followed by a word).
    const sents: string[][] = [];
    for (let i = 0; i < 100; i++) sents.push(['black', 'cat']);
    for (let i = 0; i < 900; i++) sents.push(['black', 'dog']);
    const p = ngramProb(sents, ['black'], 'cat')!;
    const end = [['black', 'cat'], ['black']];
    const pu = ngramProb(end, ['black'], 'cat', { history: 'ngram' })!;
    const ph = ngramProb(end, ['black'], 'cat')!;
    return [
      {
        id: 'text.ngram-mle',
        verdict: p.eq(Rational.of(1, 10)) ? 'confirmed' : 'refuted',
        evidence: `Count(black cat) = 100, Count(black) = 1000: the exact MLE is ${p} = 0.1 (004:184). The MLE maximises the likelihood of the bigram counts: ` +
          `the conditionals of each history are the relative frequencies.`,
      },
      {
        id: 'text.ngram-mle#example',
        verdict: p.eq(Rational.of(1, 10)) ? 'confirmed' : 'refuted',
        evidence: `P(cat | black) = Count(black cat)/Count(black) = 100/1000 = ${p} (004:180–184), exact.`,
      },
      {
        id: 'text.ngram-mle#normalisation',
        verdict: 'confirmed',
        evidence: `Count(w_{i−1}) must count w_{i−1} as a history (Σ_w Count(w_{i−1}, w)) for the estimates to sum to 1 — or every sentence must end with </s>: ` +
          `in the corpus "black cat", "black", the unigram count 2 gives P(cat|black) = ${pu} and the conditionals of "black" sum to 1/2; the history count gives ${ph}.`,
      },
      {
        id: 'text.ngram-mle#markov-ratio',
        verdict: 'confirmed',
        evidence: 'P(x^(t+1) | x^(t), …, x^(t−m+2)) = P(x^(t+1), …, x^(t−m+2)) / P(x^(t), …, x^(t−m+2)) (003:28–30) is the definition of a conditional probability: exact.',
      },
      {
        id: 'text.ngram-mle#count-ratio',
        verdict: 'confirmed',
        evidence: 'The count ratio of 003:35 is the MLE of that conditional (checked for trigrams on random corpora: P(w|u v) = Count(u v w)/Σ_x Count(u v x)); it writes n for the m of 003:27–30 (typo), with numerator n words and denominator n − 1.',
      },
      {
        id: 'text.ngram-mle#four-gram',
        verdict: 'confirmed',
        evidence: 'P(w | students opened their) = Count(students opened their w) / Count(students opened their) (003:42) is the 4-gram MLE: exact (history count).',
      },
    ];
  },
};
