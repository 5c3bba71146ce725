/** Shared helpers of the text-statistics claims (issue 14): small corpora and interval display. */
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

/** A word from a small alphabet (many repeats, so n-grams recur). */
export const wordArb = (alphabet = 'abcd') => fc.constantFrom(...alphabet.split(''));

/** A corpus of 1–5 sentences of 1–8 tokens over a small vocabulary. */
export const sentencesArb: fc.Arbitrary<string[][]> = fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 });

/** A small positive rational (numerator 1–20, denominator 1–20). */
export const posRationalArb: fc.Arbitrary<Rational> = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([a, b]) => Rational.of(a, b));

/** A rational strictly between 0 and 1. */
export const unitRationalArb: fc.Arbitrary<Rational> = fc.integer({ min: 2, max: 64 }).chain((d) => fc.integer({ min: 1, max: d - 1 }).map((n) => Rational.of(n, d)));
