/**
 * quant.nf4-map — NF4 quantisation: X/absmax(X) to the nearest of the 16 published NF4 levels,
 * dequantised as absmax·level; error ≤ absmax·(1 − 0.7229568…)/2; exact rationals.
 * Seed 000_1c190711b4cfcedd.txt, line 599: "X^NF4 = round(1/absmax(X^FP32) X^FP32) = round(c^FP32 X^FP32)"
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { NF4_PUBLISHED, codebookQuantize, nearestCodes } from '../oracles/quantisation.js';

const BOOK = NF4_PUBLISHED.map(Rational.fromFloat64);
const GAP = BOOK.slice(1).reduce((g, v, i) => Rational.max(g, v.sub(BOOK[i]!)), Rational.ZERO);
const MIDS = BOOK.slice(1).map((v, i) => v.add(BOOK[i]!).div(Rational.of(2)));

/** Blocks of weights: normal-ish (sums of uniforms), with an outlier, exact level multiples and midpoints (ties). */
export const nf4BlockArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })).map(([a, b, c]) => a + b + c), { minLength: 1, maxLength: 64 }),
  fc.tuple(fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 1, maxLength: 32 }), fc.double({ min: 1, max: 100, noNaN: true })).map(([xs, o]) => [...xs, -o]),
  fc.tuple(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 32 }), fc.integer({ min: -8, max: 8 })).map(([ks, e]) => [2 ** e, ...ks.map((k) => (k % 2 === 0 ? NF4_PUBLISHED[k / 2]! : MIDS[(k - 1) / 2]!.toFloat64()) * 2 ** e)]),
);

/** bitsandbytes' decision: the index of the first midpoint above t (a midpoint itself: either neighbour). */
function midpointIndex(t: Rational): number[] {
  let k = 0;
  while (k < MIDS.length && t.gt(MIDS[k]!)) k++;
  return k < MIDS.length && t.eq(MIDS[k]!) ? [k, k + 1] : [k];
}

export function nf4Outcome(xs: number[]): Outcome {
  const rs = xs.map(Rational.fromFloat64);
  const { absmax: a, codes } = codebookQuantize(rs, BOOK);
  for (let i = 0; i < rs.length; i++) {
    const t = a.isZero() ? Rational.ZERO : rs[i]!.div(a);
    const m = midpointIndex(t);
    if (m.join() !== codes[i]!.join()) return { ok: false, detail: `x = ${xs[i]}: nearest levels [${codes[i]}], midpoint rule [${m}]` };
    if (rs[i]!.abs().eq(a) && !a.isZero() && codes[i]![0] !== (rs[i]!.sign() > 0 ? 15 : 0)) return { ok: false, detail: `absmax element ${xs[i]} → level ${codes[i]}` };
    if (rs[i]!.isZero() && codes[i]![0] !== 7) return { ok: false, detail: `0 → level ${codes[i]}` };
    for (const k of codes[i]!) {
      const xh = BOOK[k]!.mul(a);
      if (rs[i]!.sub(xh).abs().gt(GAP.mul(a).div(Rational.of(2)))) return { ok: false, detail: `x = ${xs[i]}: error beyond absmax·gap/2` };
      if (!a.isZero() && !nearestCodes(xh.div(a), BOOK).includes(k)) return { ok: false, detail: `x = ${xs[i]}: not idempotent` };
    }
  }
  return { ok: true };
}

export const claim: ClaimModule = {
  id: 'quant.nf4-map',
  properties: [
    {
      name: 'nf4-nearest',
      kind: 'identity',
      description: 'Exact: for a block X, the nearest NF4 level of X/absmax(X) by exhaustive search equals bitsandbytes’ midpoint rule (both neighbours at an exact midpoint); ±absmax → ±1, 0 → 0; |x − x̂| ≤ absmax·(largest gap)/2; idempotent.',
      arbitrary: nf4BlockArb,
      runs: 80,
      check: (xs) => nf4Outcome(xs),
    },
  ],
  audit: () => {
    const xs = ['0.3', '-1.2', '2', '0.05'].map(Rational.parse);
    const { absmax: a, codes } = codebookQuantize(xs, BOOK);
    const asInteger = xs.map((x) => x.div(a).round('half-even'));
    return [{
      id: 'quant.nf4-map',
      verdict: 'confirmed',
      evidence: `Read as the nearest NF4 level (the result is named X^NF4), X/absmax(X) ∈ [−1, 1] is mapped to one of the 16 levels: X = (0.3, −1.2, 2, 0.05), absmax 2 → levels ${codes.map((c) => c.join('|')).join(', ')} ` +
        `(values ${codes.map((c) => NF4_PUBLISHED[c[0]!]).join(', ')}); read as integer rounding it would give (${asInteger.join(', ')}) — only 3 codes. ` +
        `Largest gap ${GAP.toDecimal(10)} (between 0.7229568… and 1): the error is at most ${GAP.div(Rational.of(2)).toDecimal(10)}·absmax per block.`,
    }];
  },
};
