/**
 * quant.nf4-map — NF4 quantisation: X/absmax(X) to the nearest of the 16 published NF4 levels,
 * dequantised as absmax·level; error ≤ absmax·(1 − 0.7229568…)/2; exact rationals.
 * Seed 000_1c190711b4cfcedd.txt, line 599: "X^NF4 = round(1/absmax(X^FP32) X^FP32) = round(c^FP32 X^FP32)"
 */
import fc from 'fast-check';
import type { ClaimModule, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import type { Implementation } from '../registry/types.js';
import { NF4_PUBLISHED, codebookQuantize, nearestCodes, nf4Blockwise } from '../oracles/quantisation.js';
import { precisionOf } from '../numerics/bounds.js';
import { gamma } from '../numerics/float-format.js';

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

// ------------------------------------------------------------------------------ quant.nf4 (the op)

export interface Nf4Args { x: number[]; blockSize: number }

/** Blocks of exactly blockSize values from nf4BlockArb (cut or zero-padded), some all zero, the last one possibly cut short. */
export const nf4ArgsArb: fc.Arbitrary<Nf4Args> = fc.record({
  B: fc.constantFrom(4, 8, 16, 32, 64),
  blocks: fc.array(fc.oneof({ weight: 9, arbitrary: nf4BlockArb }, { weight: 1, arbitrary: fc.constant([0]) }), { minLength: 1, maxLength: 4 }),
  cutFrac: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
}).map(({ B, blocks, cutFrac }) => {
  const cut = cutFrac === 0 ? 0 : Math.max(1, Math.floor(cutFrac * B));
  // |x| < 2⁻⁶⁰ → 0: a block absmax stays a normal float32 with a finite reciprocal (the op's domain)
  const x = blocks.flatMap((b) => Array.from({ length: B }, (_, i) => { const v = Math.fround(b[i] ?? 0); return Math.abs(v) < 2 ** -60 ? 0 : v; }));
  return { x: cut > 0 && cut < B ? x.slice(0, x.length - B + cut) : x, blockSize: B };
});

/** The input classes of an NF4 case (measured by test/power/quant.nf4-generators.test.ts). */
export function nf4Classes(a: Nf4Args): string[] {
  const out: string[] = [];
  const nb = Math.ceil(a.x.length / a.blockSize);
  if (nb >= 2) out.push('multi-block');
  if (a.x.length % a.blockSize !== 0) out.push('partial-block');
  let tie = false, zero = false, outlier = false;
  for (let i = 0; i < a.x.length; i += a.blockSize) {
    const blk = a.x.slice(i, i + a.blockSize).map(Rational.fromFloat64);
    const am = blk.reduce((m, v) => Rational.max(m, v.abs()), Rational.ZERO);
    if (am.isZero()) { zero = true; continue; }
    if (blk.some((v) => MIDS.some((m) => v.div(am).eq(m)))) tie = true;
    const sorted = blk.map((v) => v.abs()).sort((p, q) => p.cmp(q));
    if (sorted[Math.floor(sorted.length / 2)]!.mul(Rational.of(10)).le(am)) outlier = true;
  }
  if (tie) out.push('exact-ties');
  if (zero) out.push('zero-block');
  if (outlier) out.push('outlier');
  return out;
}

/** The nearest level of t with ties to the lower level (the op's rule). */
const lowerNearest = (t: Rational) => nearestCodes(t, BOOK)[0]!;

const isPow2 = (v: Rational) => v.sign() > 0 && (v.num === 1n || v.den === 1n) && ((v.num & (v.num - 1n)) === 0n) && ((v.den & (v.den - 1n)) === 0n);
const fits = (v: Rational, dtype: 'float32' | 'float64') => { const f = v.toFloat64(); return (dtype === 'float32' ? Math.fround(f) : f) === f && Rational.fromFloat64(f).eq(v); };

/**
 * The admissible codes for t = x/absmax (the derived decision slack):
 *  - the quotient: t̂ = fl(x/absmax) or fl(x·fl(1/absmax)) is within γ₂|t| of t; it is exact (slack 0)
 *    when absmax is a power of two and t is representable in the dtype;
 *  - the thresholds: an implementation compares t̂ with the midpoints m_j rounded to its dtype; a
 *    midpoint not representable there moves by at most u|m_j|, so a t̂ within u|m_j| of it may go
 *    either way (a representable midpoint is exact: an exact tie goes to the lower level, pinned).
 * The code is monotone in t: the admissible codes are the range from the code of t − slack to the
 * code of t + slack, widened to both neighbours of every unrepresentable midpoint within reach.
 */
export function admissibleNf4(t: Rational, am: Rational, dtype: 'float32' | 'float64', g2: Rational, u: Rational): [number, number] {
  const slack = isPow2(am) && fits(t, dtype) ? Rational.ZERO : t.abs().mul(g2);
  const tl = t.sub(slack), th = t.add(slack);
  let lo = lowerNearest(tl), hi = lowerNearest(th);
  MIDS.forEach((m, j) => {
    if (fits(m, dtype)) return;
    const w = m.abs().mul(u);
    if (th.ge(m.sub(w)) && tl.le(m.add(w))) { lo = Math.min(lo, j); hi = Math.max(hi, j + 1); }
  });
  return [lo, hi];
}

/**
 * Conformance of quant.nf4: absmax exact (a maximum of inputs); each code admissible (admissibleNf4:
 * nearest level, exact midpoint → lower, within the derived decision slack); values:
 * |v̂ − absmax·L_c| ≤ u·|absmax·L_c| for the returned code c (one rounded product of exact operands).
 */
export function nf4Conformance(a0: Nf4Args, impl: Implementation): Outcome {
  const r = impl.dtype === 'float32' ? Math.fround : (v: number) => v;
  const a = { ...a0, x: a0.x.map(r) };
  const got = impl.ops['quant.nf4']!(a) as { codes: number[]; absmax: number[]; values: number[] };
  const { absmax, codes } = nf4Blockwise(a.x.map(Rational.fromFloat64), a.blockSize);
  if (!got || !Array.isArray(got.codes) || got.codes.length !== a.x.length || !Array.isArray(got.values) || got.values.length !== a.x.length || !Array.isArray(got.absmax) || got.absmax.length !== absmax.length) {
    return { ok: false, detail: `nf4 returned ${JSON.stringify(got)?.slice(0, 120)} for n = ${a.x.length}, blockSize ${a.blockSize}` };
  }
  const p = precisionOf(impl);
  const g2 = Rational.fromFloat64(gamma(2, p.u)), u = Rational.fromFloat64(p.u);
  for (let b = 0; b < absmax.length; b++) {
    if (!Rational.fromFloat64(got.absmax[b]!).eq(absmax[b]!)) return { ok: false, detail: `block ${b}: absmax ${got.absmax[b]}, exact ${absmax[b]!.toDecimal(10)}` };
  }
  let worst = 0;
  for (let i = 0; i < a.x.length; i++) {
    const am = absmax[Math.floor(i / a.blockSize)]!;
    const c = got.codes[i]!;
    let lo = codes[i]!, hi = codes[i]!;
    if (!am.isZero()) [lo, hi] = admissibleNf4(Rational.fromFloat64(a.x[i]!).div(am), am, impl.dtype, g2, u);
    if (!Number.isInteger(c) || c < lo || c > hi) return { ok: false, detail: `x = ${a.x[i]} (block absmax ${am.toDecimal(8)}): code ${c}, admissible ${lo === hi ? lo : `${lo}…${hi}`} (nearest NF4 level, exact midpoint → lower)` };
    const want = am.mul(BOOK[c]!), v = got.values[i]!;
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, detail: `value ${v} for code ${c}` };
    const err = Rational.fromFloat64(v).sub(want).abs(), bound = want.abs().mul(u);
    if (err.gt(bound)) return { ok: false, detail: `x = ${a.x[i]}: value ${v} for code ${c}, exact absmax·level = ${want.toDecimal(10)}, allowed ${bound.toFloat64().toExponential(3)}` };
    if (!bound.isZero()) worst = Math.max(worst, err.div(bound).toFloat64());
  }
  return { ok: true, ratio: worst };
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
    {
      name: 'nf4-blockwise-conformance',
      kind: 'conformance',
      description: 'quant.nf4 against the exact blockwise oracle: absmax per block exact; each code the nearest level of x/absmax (exact midpoint → lower) within the derived γ₃ quotient slack; each value absmax·level within one rounding.',
      arbitrary: nf4ArgsArb,
      runs: 60,
      ops: ['quant.nf4'],
      check: (a, impl) => nf4Conformance(a, impl!),
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
