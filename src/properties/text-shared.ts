/** Shared helpers of the text-statistics claims: small corpora and interval display. */
import fc from 'fast-check';
import type { Interval } from '../numerics/interval.js';
import { Rational } from '../numerics/rational.js';

/** "0.30103" style display of an enclosure (midpoint, `d` significant digits), or the interval when wide. */
export function showIv(x: Interval, d = 6): string {
  const m = (x.lo + x.hi) / 2;
  return x.hi - x.lo <= Math.abs(m) * 1e-9 + 1e-300 ? Number(m.toPrecision(d)).toString() : `[${x.lo}, ${x.hi}]`;
}

/** Does the enclosure round to `shown` at `decimals` places (the notes' printed values)? */
export function roundsTo(x: Interval, shown: number, decimals: number): boolean {
  const h = 0.5 * 10 ** -decimals;
  return x.lo >= shown - h - 1e-15 && x.hi <= shown + h + 1e-15;
}


/** A corpus of 1–5 sentences of 1–8 tokens over a small vocabulary. */
export const sentencesArb: fc.Arbitrary<string[][]> = fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 });

/** A small positive rational (numerator 1–20, denominator 1–20). */
export const posRationalArb: fc.Arbitrary<Rational> = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([a, b]) => Rational.of(a, b));

/** A rational strictly between 0 and 1. */
export const unitRationalArb: fc.Arbitrary<Rational> = fc.integer({ min: 2, max: 64 }).chain((d) => fc.integer({ min: 1, max: d - 1 }).map((n) => Rational.of(n, d)));

/** Arguments of the op text.ngram-prob. */
export interface NgramProbArgs { sentences: string[][]; history: string[]; word: string; k: number; vocabSize: number; historyCount: 'history' | 'ngram' }

const W = ['a', 'b', 'c', 'd', 'e'];
const kArb = fc.constantFrom(0, 0, 1, 1, 0.5, 0.01, 0.1);
const sentArb = (maxS: number, maxL: number) => fc.array(fc.array(fc.constantFrom(...W), { minLength: 1, maxLength: maxL }), { minLength: 1, maxLength: maxS });

/**
 * Generator of text.ngram-prob (classes by weight /20): bigram 9, trigram 4, unigram 2, unseen-history 3
 * (a history word never in the corpus), large 2 (100–400 sentences of up to 30 tokens: ≥ 2000 tokens).
 */
export const ngramProbArb: fc.Arbitrary<NgramProbArgs> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ sentences: sentArb(6, 8), history: fc.array(fc.constantFrom(...W), { minLength: 1, maxLength: 1 }), word: fc.constantFrom(...W), k: kArb, extra: fc.integer({ min: 0, max: 3 }), historyCount: fc.constantFrom('history' as const, 'ngram' as const) }) },
  { weight: 4, arbitrary: fc.record({ sentences: sentArb(6, 10), history: fc.array(fc.constantFrom(...W), { minLength: 2, maxLength: 2 }), word: fc.constantFrom(...W), k: kArb, extra: fc.integer({ min: 0, max: 3 }), historyCount: fc.constantFrom('history' as const, 'ngram' as const) }) },
  { weight: 2, arbitrary: fc.record({ sentences: sentArb(4, 6), history: fc.constant([] as string[]), word: fc.constantFrom(...W, 'zz'), k: kArb, extra: fc.integer({ min: 0, max: 3 }), historyCount: fc.constantFrom('history' as const, 'ngram' as const) }) },
  { weight: 3, arbitrary: fc.record({ sentences: sentArb(5, 6), history: fc.constant(['unseen'] as string[]), word: fc.constantFrom(...W), k: kArb, extra: fc.integer({ min: 1, max: 3 }), historyCount: fc.constantFrom('history' as const, 'ngram' as const) }) },
  { weight: 2, arbitrary: fc.record({ sentences: fc.array(fc.array(fc.constantFrom(...W), { minLength: 20, maxLength: 30 }), { minLength: 100, maxLength: 400 }), history: fc.array(fc.constantFrom(...W), { minLength: 1, maxLength: 2 }), word: fc.constantFrom(...W), k: kArb, extra: fc.integer({ min: 0, max: 3 }), historyCount: fc.constantFrom('history' as const, 'ngram' as const) }) },
).map(({ extra, ...a }) => ({ ...a, vocabSize: new Set(a.sentences.flat()).size + extra }));

/** The declared input classes (src/ops/text.ts) an ngram-prob case belongs to. */
export function ngramProbClasses(a: NgramProbArgs): string[] {
  const out: string[] = [];
  const n = a.history.length + 1;
  const eq = (s: string[], i: number) => a.history.every((h, j) => s[i + j] === h);
  let asHist = 0, full = 0, final = false;
  for (const s of a.sentences) for (let i = 0; i + n - 1 <= s.length; i++) if (eq(s, i)) {
    if (i + n - 1 < s.length) { asHist++; if (s[i + n - 1] === a.word) full++; } else if (n > 1) final = true;
  }
  if (asHist === 0) out.push('unseen-history');
  if (full === 0) out.push('unseen-ngram');
  if (final) out.push('sentence-final-history');
  if (!Number.isInteger(a.k)) out.push('add-k-fraction');
  if (n === 3) out.push('trigram');
  if (n === 1) out.push('unigram');
  if (a.sentences.reduce((t, s) => t + s.length, 0) >= 2000) out.push('large-corpus');
  return out;
}

/** Arguments of the op text.perplexity. */
export interface PerplexityArgs { probs: number[]; base: 'e' | '2' }

const f32 = Math.fround;
const probArb = fc.integer({ min: 1, max: 1 << 20 }).map((n) => f32(n / (1 << 20)));
/**
 * Generator of text.perplexity (weights /20): short 8 (N 1–12, p multiples of 2^-20), uniform-K 4 (p = fround(1/K), K ≤ 50000),
 * long 3 (N 200–2000, p ∈ [2^-12, 2^-6]: the product underflows), tiny 3 (some p down to 2^-80), certain 2 (all p = 1). p are float32 values.
 */
export const perplexityArb: fc.Arbitrary<PerplexityArgs> = fc.record({
  probs: fc.oneof(
    { weight: 8, arbitrary: fc.array(probArb, { minLength: 1, maxLength: 12 }) },
    { weight: 4, arbitrary: fc.record({ K: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constantFrom(1000, 50000, 32768)), N: fc.integer({ min: 1, max: 20 }) }).map(({ K, N }) => Array.from({ length: N }, () => f32(1 / K))) },
    { weight: 3, arbitrary: fc.integer({ min: 200, max: 2000 }).chain((N) => fc.array(fc.integer({ min: 6, max: 12 }).map((e) => 2 ** -e), { minLength: N, maxLength: N })) },
    { weight: 3, arbitrary: fc.array(fc.oneof(probArb, fc.integer({ min: 20, max: 80 }).map((e) => 2 ** -e)), { minLength: 2, maxLength: 10 }).filter((ps) => ps.some((p) => p < 1e-20)) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 8 }).map((N) => Array.from({ length: N }, () => 1)) },
  ),
  base: fc.constantFrom('e' as const, '2' as const),
});

/** The declared input classes of text.perplexity. */
export function perplexityClasses(a: PerplexityArgs): string[] {
  const out: string[] = [];
  if (a.probs.length > 0 && a.probs.every((p) => p === a.probs[0]) && Number.isInteger(Math.round(1 / a.probs[0]!)) && a.probs[0] !== 1) out.push('uniform-K');
  if (a.probs.reduce((s, p) => s + Math.log(p), 0) < -87) out.push('long-underflow');
  if (a.probs.every((p) => p === 1)) out.push('certain');
  if (a.probs.some((p) => p < 1e-20)) out.push('tiny-p');
  if (a.base === '2') out.push('base-2');
  return out;
}
