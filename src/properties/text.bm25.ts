/**
 * text.bm25 — the BM25 term-frequency saturation tf(k1+1)/(tf + k1) → k1 + 1, and the length
 * normalisation 1 − b + b|D|/avgdl (longer than average ⇒ lower score).
 * Seed 004_975819c312b074f9.txt, lines 2795–2812; the lexical gap, line 2829.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { bm25TfFactor, bm25Enclose } from '../oracles/text.js';
import { posRationalArb, unitRationalArb } from './text-shared.js';
import { bm25Arb, bm25Conformance, type Bm25OpArgs } from './text-stats-shared.js';

export const claim: ClaimModule = {
  id: 'text.bm25',
  properties: [
    {
      name: 'conformance-default-params',
      kind: 'conformance',
      description: 'BM25 at the usual defaults k1 = 1.2, b = 0.75 with the Lucene idf on at least three documents: within the derived bound of the exact enclosure (query tokens that are substrings of document tokens must not match).',
      arbitrary: bm25Arb.filter((a) => a.docs.length >= 3).map((a) => ({ ...a, k1: 1.2, b: 0.75, idf: 'lucene' as const })),
      ops: ['text.bm25'],
      runs: 40,
      check: (a: Bm25OpArgs, impl) => bm25Conformance(a, impl!),
    },
    {
      name: 'conformance-lucene',
      kind: 'conformance',
      description: 'BM25 with the Lucene idf ln(1 + (N − df + ½)/(df + ½)) on at least three documents (what every npm peer offers): within the derived bound of the exact enclosure.',
      arbitrary: bm25Arb.filter((a) => a.docs.length >= 3).map((a) => ({ ...a, idf: 'lucene' as const })),
      ops: ['text.bm25'],
      runs: 60,
      check: (a: Bm25OpArgs, impl) => bm25Conformance(a, impl!),
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation\'s BM25 scores (Lucene, Robertson–Spärck Jones and ATIRE idf; k1, b including 0; repeated query tokens; query tokens that are substrings of document tokens but no token of them) are within the derived bound (bm25ScoreBound) of the exact enclosure.',
      arbitrary: bm25Arb,
      ops: ['text.bm25'],
      runs: 80,
      check: (a: Bm25OpArgs, impl) => bm25Conformance(a, impl!),
    },
    {
      name: 'saturation',
      kind: 'identity',
      description: 'For rational k1 > 0: y(tf) = tf(k1+1)/(tf+k1) is strictly increasing, with diminishing increments, y(1) = 1, y < k1 + 1, and k1 + 1 − y(tf) = k1(k1+1)/(tf+k1) → 0 (exact rationals).',
      arbitrary: fc.record({ k1: posRationalArb, tf: fc.integer({ min: 1, max: 10000 }) }),
      runs: 150,
      check: ({ k1, tf }: { k1: Rational; tf: number }) => {
        const y = (t: number) => bm25TfFactor(t, k1, Rational.ZERO, 1, Rational.ONE);
        const [a, b, c] = [y(tf), y(tf + 1), y(tf + 2)];
        if (!y(1).eq(Rational.ONE)) return { ok: false, detail: `y(1) = ${y(1)}` };
        if (!(a.lt(b) && b.sub(a).gt(c.sub(b)))) return { ok: false, detail: `not increasing-concave at ${tf}: ${a}, ${b}, ${c}` };
        const gap = k1.add(Rational.ONE).sub(a);
        if (!gap.eq(k1.mul(k1.add(Rational.ONE)).div(Rational.fromInt(tf).add(k1)))) return { ok: false, detail: `gap ${gap}` };
        return { ok: true };
      },
    },
    {
      name: 'length-normalisation',
      kind: 'identity',
      description: 'For 0 < b ≤ 1 the factor decreases strictly with the document length at fixed tf (longer than avgdl ⇒ below the b = 0 value, shorter ⇒ above); b = 0 removes the length dependence.',
      arbitrary: fc.record({ k1: posRationalArb, b: unitRationalArb, tf: fc.integer({ min: 1, max: 50 }), len: fc.integer({ min: 1, max: 500 }), avg: fc.integer({ min: 1, max: 500 }) }),
      runs: 150,
      check: ({ k1, b, tf, len, avg }: { k1: Rational; b: Rational; tf: number; len: number; avg: number }) => {
        const A = Rational.fromInt(avg);
        const at = (l: number, bb: Rational) => bm25TfFactor(tf, k1, bb, l, A);
        if (!at(len + 1, b).lt(at(len, b))) return { ok: false, detail: 'not decreasing in |D|' };
        const flat = at(len, Rational.ZERO);
        const cmp = at(len, b).cmp(flat);
        const want = len > avg ? -1 : len < avg ? 1 : 0;
        return cmp === want ? { ok: true } : { ok: false, detail: `|D| = ${len}, avgdl = ${avg}: factor ${at(len, b)} vs b = 0 ${flat}` };
      },
    },
  ],
  audit: () => {
    const k1 = Rational.of(6, 5);
    const ys = [1, 2, 10, 100, 1000].map((t) => bm25TfFactor(t, k1, Rational.ZERO, 1, Rational.ONE));
    const gap = bm25Enclose([['canine', 'nutrition'], ['dog', 'food']], ['dog', 'food'], { k1, b: Rational.of(3, 4), idf: 'lucene' });
    const lex = bm25Enclose([['canine', 'nutrition'], ['cat', 'food']], ['canine', 'food'], { k1, b: Rational.of(3, 4), idf: 'lucene' });
    return [
      {
        id: 'text.bm25',
        verdict: 'confirmed',
        evidence: `y = tf(k₁+1)/(tf+k₁) is increasing with limit k₁ + 1 (k₁ + 1 − y = k₁(k₁+1)/(tf+k₁) → 0, never reached): k₁ = 1.2 gives y = ${ys.map((y) => y.toFloat64().toFixed(4)).join(', ')} at tf = 1, 2, 10, 100, 1000 → 2.2.`,
      },
      {
        id: 'text.bm25#length',
        verdict: 'confirmed',
        evidence: 'With 0 < b ≤ 1 the denominator tf + k₁(1 − b + b|D|/avgdl) grows with |D|: above avgdl the factor is below its b = 0 value, below avgdl above it (exact on random k₁, b, tf, lengths).',
      },
      {
        id: 'text.bm25#lexical-gap',
        verdict: gap[0]!.hi === 0 ? 'confirmed' : 'refuted',
        evidence: `The document "canine nutrition" shares no token with the query "dog food": its BM25 score is ${gap[0]!.hi} (whatever k₁, b, idf); a partial match ("canine food" against "canine nutrition") scores ${lex[0]!.lo.toFixed(4)} > 0.`,
      },
    ];
  },
};
