/**
 * quant.2bit-example — the 2-bit codebook example: x = (10, −3, 5, 4), codebook (−1, 0.3, 0.5, 1),
 * x/absmax = (1, −0.3, 0.5, 0.4) ↦ indices (3, 1, 2, 2) (0.4 an exact tie), x̂ = (10, 3, 5, 5).
 * Seed 003_c2e944a0f3874627.txt, line 1168: "Associated index :- [3, 1, 2, 2] → Store"
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { codebookQuantize, nearestCodes } from '../oracles/quantisation.js';

export interface CodebookCase { book: number[]; xs: number[] }

/** Sorted codebooks in [−1, 1] containing −1 and 1 (2 to 16 codes, dyadic interior codes: exact midpoints occur), and vectors. */
export const codebookCaseArb: fc.Arbitrary<CodebookCase> = fc.record({
  inner: fc.uniqueArray(fc.integer({ min: -63, max: 63 }), { maxLength: 14 }),
  xs: fc.array(fc.oneof(fc.integer({ min: -128, max: 128 }).map((k) => k / 16), fc.double({ min: -8, max: 8, noNaN: true })), { minLength: 1, maxLength: 12 }),
}).map(({ inner, xs }) => ({ book: [-1, ...inner.map((k) => k / 64).sort((a, b) => a - b), 1], xs }));

/** The midpoint decision (binary search over the sorted codebook's midpoints): an independent nearest-code rule. */
function byMidpoints(t: Rational, book: readonly Rational[]): [number, number] {
  let lo = 0, hi = book.length - 1;
  while (hi - lo > 1) { const m = (lo + hi) >> 1; if (t.lt(book[m]!)) hi = m; else lo = m; }
  if (book.length === 1) return [0, 0];
  const mid = book[lo]!.add(book[hi]!).div(Rational.of(2));
  const c = t.cmp(mid);
  if (t.le(book[0]!)) return [0, 0];
  if (t.ge(book[book.length - 1]!)) return [book.length - 1, book.length - 1];
  return c < 0 ? [lo, lo] : c > 0 ? [hi, hi] : [lo, hi];
}

export function codebookOutcome(c: CodebookCase): Outcome {
  const book = c.book.map(Rational.fromFloat64);
  const xs = c.xs.map(Rational.fromFloat64);
  const { absmax: a, codes } = codebookQuantize(xs, book);
  let gap = Rational.ZERO;
  for (let j = 1; j < book.length; j++) gap = Rational.max(gap, book[j]!.sub(book[j - 1]!));
  for (let i = 0; i < xs.length; i++) {
    const t = a.isZero() ? Rational.ZERO : xs[i]!.div(a);
    const [m1, m2] = byMidpoints(t, book);
    const want = m1 === m2 ? [m1] : [m1, m2];
    if (codes[i]!.join() !== want.join()) return { ok: false, detail: `x = ${c.xs[i]}: nearest codes [${codes[i]}] by exhaustive search, [${want}] by midpoints` };
    for (const k of codes[i]!) {
      const xh = book[k]!.mul(a);
      const err = xs[i]!.sub(xh).abs();
      if (err.gt(gap.mul(a).div(Rational.of(2)))) return { ok: false, detail: `x = ${c.xs[i]}: |x − x̂| = ${err.toDecimal(6)} > absmax·gap/2` };
      const again = nearestCodes(xh.div(a.isZero() ? Rational.ONE : a), book);
      if (!again.includes(k)) return { ok: false, detail: `x = ${c.xs[i]}: code ${k} dequantises to ${xh} which quantises to [${again}]` };
    }
  }
  return { ok: true };
}

const dec = (s: string) => Rational.parse(s);

export const claim: ClaimModule = {
  id: 'quant.2bit-example',
  properties: [
    {
      name: 'nearest-code',
      kind: 'identity',
      description: 'Exact: the nearest codebook entries of x/absmax by exhaustive search equal those found by binary search over the midpoints (both at an exact midpoint); |x − x̂| ≤ absmax·(largest gap)/2; quantising x̂ returns its code.',
      arbitrary: codebookCaseArb,
      runs: 100,
      check: (c) => codebookOutcome(c),
    },
  ],
  audit: () => {
    const book = ['-1', '0.3', '0.5', '1'].map(dec);
    const xs = ['10', '-3', '5', '4'].map(dec);
    const { absmax: a, codes } = codebookQuantize(xs, book);
    const normal = xs.map((x) => x.div(a));
    const chosen = codes.map((cs) => cs[cs.length - 1]!); // the notes take the upper code at the tie
    const deq = chosen.map((k) => book[k]!.mul(a));
    const ok = chosen.join() === '3,1,2,2' && deq.map(String).join() === '10,3,5,5';
    const tie = codes.findIndex((cs) => cs.length > 1);
    return [
      {
        id: 'quant.2bit-example',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `Exact: absmax = ${a}, x/absmax = (${normal.map((v) => v.toDecimal(3)).join(', ')}); nearest codes ${codes.map((cs) => `{${cs.join(',')}}`).join(' ')} ` +
          `(−0.3 is at distance 0.6 from 0.3 and 0.7 from −1: the sign is lost; x = ${xs[tie]} is an exact tie between 0.3 and 0.5, distance 1/10 each, and the notes take 0.5), ` +
          `indices (${chosen.join(', ')}), dequantised (${deq.join(', ')}) — as the notes state (003:1168–1173).`,
      },
      {
        id: 'quant.2bit-example#map',
        verdict: 'confirmed',
        evidence: 'Typo, graded on the intended meaning: the map "Values : -1, 0.3, 0.5, 103" (003:1156) reads 1.0 for index 3 — the absmax element 1 gets index 3 and dequantises to 10 = 1·10 (003:1168–1173); with 103 the nearest code of 1 would be 0.5.',
      },
      {
        id: 'quant.2bit-example#closest',
        verdict: 'confirmed',
        evidence: 'Typo, graded on the intended meaning: "Newest values :- [1, 0.3, 0.5, 1.5]" (003:1166): 1.5 is not a codebook value; the next line gives index 2 (= 0.5) and the dequantisation 5 = 0.5·10 for x = 4.',
      },
    ];
  },
};
