/**
 * ret.teacher-softmax — softmax of the ColBERT teacher scores 10.2, 3.1, −0.8.
 * Seed 004_975819c312b074f9.txt, lines 2991–2997: "Teacher softmax / P1: 0.92 / P2: 0.07 / P3: 0.01".
 */

import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { Interval, softmax, point, div, sub, log } from '../numerics/interval.js';
import { softmaxEnclosure } from '../oracles/softmax.js';
import { encloseRational, distanceToInterval } from '../numerics/enclose.js';
import { softmaxBounds, precisionOf, SAFETY, PROB_LAMBDA } from '../numerics/bounds.js';
import { f32, f32Mixed, f32Scaled } from './arbitraries.js';
import { classes, sizeUpTo, f64Full, castFloats, type Tagged } from './gen-helpers.js';
import { seededMatrixArb } from './seeded-values.js';

/** The declared algorithm of `nn.softmax` in the implementation's profile, if any (spec/ops.md). */
export function softmaxAlgorithm(impl: Implementation): 'default' | 'exp-minus-logsumexp' {
  return impl.profile?.algorithms?.['nn.softmax'] === 'exp-minus-logsumexp' ? 'exp-minus-logsumexp' : 'default';
}

/**
 * Per-element bounds of `nn.softmax` on `x` for this implementation (its dtype, profile and declared
 * algorithm): the worst-case tier (`bound`) and the probabilistic tier (`prob`, λ = PROB_LAMBDA).
 */
export function softmaxBoundsFor(x: number[], impl: Implementation, enc = softmaxEnclosure(x)): { enc: typeof enc; bound: number[]; prob: number[] } {
  const m = Math.max(...x);
  const pHi = enc.map((p) => p.hi);
  const spread = x.map((v) => (m - v) * SAFETY);
  const zero = x.map(() => 0);
  const p = precisionOf(impl);
  const o = { algorithm: softmaxAlgorithm(impl), maxAbs: Math.abs(m) };
  return { enc, bound: softmaxBounds(pHi, spread, zero, p, o), prob: softmaxBounds(pHi, spread, zero, p, { ...o, lambda: PROB_LAMBDA }) };
}

export function compareSoftmax(x: number[], got: number[], impl: Implementation): Outcome {
  if (!Array.isArray(got) || got.length !== x.length) return { ok: false, detail: `length ${Array.isArray(got) ? got.length : typeof got}, expected ${x.length}` };
  const { enc, bound: b, prob } = softmaxBoundsFor(x, impl);
  const alg = softmaxAlgorithm(impl);
  let worst = 0;
  let worstProb = 0;
  for (let i = 0; i < x.length; i++) {
    const err = distanceToInterval(got[i]!, enc[i]!);
    const r = err === 0 ? 0 : err / b[i]!;
    worst = Math.max(worst, r);
    worstProb = Math.max(worstProb, err === 0 ? 0 : err / prob[i]!);
    if (!(r <= 1)) {
      return { ok: false, ratio: r, detail: `p[${i}] = ${got[i]}, exact ∈ [${enc[i]!.lo}, ${enc[i]!.hi}], bound ${b[i]!.toExponential(3)}${alg === 'default' ? '' : ` (declared algorithm ${alg})`}; n = ${x.length}` };
    }
  }
  return { ok: true, ratio: worst, probRatio: worstProb };
}

/** A softmax input: logits `x`, tagged with its input class (`cls`, see `SOFTMAX_CLASSES`). */
export type SoftmaxCase = Tagged<{ x: number[] }>;

/** Largest length of the general classes, and of the realistic-size class. */
export const SOFTMAX_MAX_N = 64;
export const SOFTMAX_REALISTIC_N = 2048;

const vec = (el: fc.Arbitrary<number>, min = 1, max = SOFTMAX_MAX_N) => sizeUpTo(min, max).chain((n) => fc.array(el, { minLength: n, maxLength: n }));
const fr = (v: number) => { const r = Math.fround(v); return Object.is(r, -0) ? 0 : r; };
const f32In = (min: number, max: number) => fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true, noDefaultInfinity: true }).map(fr);

/**
 * The input classes of `nn.softmax` (weights out of 100; spec/ops.md lists them with their minimum
 * shares, test/power/softmax-generators.test.ts measures them). Lengths are drawn with `sizeUpTo`, so
 * the declared maximum (64, and 2048 for the realistic class) is reached in 1 draw of 8.
 */
export const SOFTMAX_CLASSES = [
  { name: 'mixed', weight: 25, arb: vec(f32Mixed(60)).map((x) => ({ x })) },
  {
    // tied values, the maximum at least twice; with probability 1/4 all equal and n a power of two (exact-friendly: p = 1/n exactly)
    name: 'ties', weight: 10,
    arb: fc.oneof(
      { weight: 3, arbitrary: fc.tuple(vec(fc.integer({ min: 0, max: 2 }), 2), f32Scaled(-4, 2), f32Scaled(-4, 2)).map(([ix, a, b]) => {
        const hi = Math.max(a, b), lo = Math.min(a, b);
        const x = ix.map((i) => (i === 0 ? lo : hi));
        x[0] = hi; x[x.length - 1] = hi;
        return { x };
      }) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), f32Scaled(-8, 4)).map(([k, v]) => ({ x: Array.from({ length: 2 ** k }, () => v) })) },
    ),
  },
  { name: 'extreme-low', weight: 10, arb: vec(f32In(-3000, -104.5)).map((x) => ({ x })) },
  {
    // at least one logit above ln(float64 max) ≈ 709.8 or ln(float32 max) ≈ 88.7: exp without the max shift overflows
    name: 'extreme-high', weight: 10,
    arb: fc.tuple(vec(f32In(-40, 40)), f32In(89, 20000), fc.nat()).map(([x, big, i]) => { const y = [...x]; y[i % y.length] = big; return { x: y }; }),
  },
  {
    // a large common offset ±2^k (k = 10…20) plus a spread within ±255: the logsumexp form loses |max x|·u
    name: 'large-offset', weight: 10,
    arb: fc.tuple(fc.integer({ min: 10, max: 20 }), fc.boolean(), vec(f32Scaled(-6, 0))).map(([k, neg, v]) => ({ x: v.map((d) => fr((neg ? -1 : 1) * 2 ** k + d)) })),
  },
  {
    name: 'wide-spread', weight: 10,
    arb: vec(fc.oneof(f32(200), f32In(-120, -80), f32Scaled(-10, 6))).map((x) => ({ x })),
  },
  {
    // doubles with full 53-bit significands (rounded to float32 in float32 runs), half of them on a large offset
    name: 'float64-only', weight: 10,
    arb: fc.tuple(vec(f64Full(-4, 6)), fc.oneof(fc.constant(0), fc.integer({ min: 10, max: 30 }).map((k) => 2 ** k + 0.5))).map(([x, off]) => ({ x: x.map((v) => v + off) })),
  },
  {
    name: 'realistic', weight: 5,
    // not shrunk (fc.noShrink): the small classes give minimal counterexamples, shrinking 2048 logits one by one costs minutes
    arb: fc.noShrink(sizeUpTo(1000, SOFTMAX_REALISTIC_N, 4).chain((n) => seededMatrixArb(1, n, [-10, -4], 12)).map((m) => ({ x: m[0]! }))),
  },
] as const;

export const softmaxArb: fc.Arbitrary<SoftmaxCase> = classes<{ x: number[] }>(SOFTMAX_CLASSES);

/** Exact decimal scores → enclosed softmax (the notes' inputs are decimals, not floats). */
function decimalSoftmax(scores: string[], temperature?: Rational): Interval[] {
  return softmax(scores.map((s) => {
    const q = Rational.parse(s);
    return encloseRational(temperature ? q.div(temperature) : q);
  }));
}

const show = (iv: Interval) => ((iv.lo + iv.hi) / 2).toPrecision(10);

export const claim: ClaimModule = {
  id: 'ret.teacher-softmax',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s softmax lies within the bound derived for the run’s dtype (and its declared algorithm) from the rigorous enclosure; the input classes of spec/ops.md (ties, extreme and offset logits, float64-only values, n up to 2048).',
      arbitrary: softmaxArb,
      ops: ['nn.softmax'],
      runs: 150,
      check: (c, impl) => {
        const x = castFloats(c.x, impl!.dtype);
        return compareSoftmax(x, impl!.ops['nn.softmax']!({ x }) as number[], impl!);
      },
    },
    {
      name: 'shift-and-temperature',
      kind: 'identity',
      description: 'Exactly (rigorous enclosures): softmax(x + c) = softmax(x) for a rational shift c (the enclosures intersect), and softmax(x/T) has odds p_i/p_j = e^{(x_i − x_j)/T} (enclosures intersect); on decimal score triples like the teacher’s 10.2, 3.1, −0.8.',
      arbitrary: fc.tuple(fc.array(fc.integer({ min: -150, max: 150 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 40 })),
      runs: 80,
      check: ([xs, c, t]: [number[], number, number]) => {
        const T = Rational.of(t, 10);
        const a = decimalSoftmax(xs.map((v) => Rational.of(v, 10).toDecimal(20)));
        const b = decimalSoftmax(xs.map((v) => Rational.of(v + c, 10).toDecimal(20)));
        for (let i = 0; i < a.length; i++) if (a[i]!.hi < b[i]!.lo || b[i]!.hi < a[i]!.lo) return { ok: false, detail: `softmax not shift invariant at ${i}: [${a[i]!.lo}, ${a[i]!.hi}] vs [${b[i]!.lo}, ${b[i]!.hi}]` };
        const pT = decimalSoftmax(xs.map((v) => Rational.of(v, 10).toDecimal(20)), T);
        const lhs = log(div(pT[0]!, pT[1]!));
        const rhs = encloseRational(Rational.of(xs[0]! - xs[1]!, 10).div(T));
        if (lhs.hi < rhs.lo || rhs.hi < lhs.lo) return { ok: false, detail: `log(p₀/p₁) = [${lhs.lo}, ${lhs.hi}] vs (x₀ − x₁)/T = [${rhs.lo}, ${rhs.hi}]` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const teacher = decimalSoftmax(['10.2', '3.1', '-0.8']);
    const notesT = [0.92, 0.07, 0.01];
    const wrongT = teacher.some((iv, i) => Math.abs(notesT[i]! - iv.lo) > 0.005 && Math.abs(notesT[i]! - iv.hi) > 0.005);
    // Temperatures implied by the notes' ratios: T = Δscore / log(p_i/p_j), enclosed.
    const impliedT = (ds: string, pi: number, pj: number) => div(encloseRational(Rational.parse(ds)), sub(log(point(pi)), log(point(pj))));
    const t12 = impliedT('7.1', 0.92, 0.07);
    const t23 = impliedT('3.9', 0.07, 0.01);
    const disjoint = t12.hi < t23.lo || t23.hi < t12.lo;
    const studentT = impliedT('6.2', 0.88, 0.1);
    const studentT2 = impliedT('2.7', 0.1, 0.02);
    return [
      {
        id: 'ret.teacher-softmax',
        verdict: wrongT ? 'refuted' : 'confirmed',
        evidence: `softmax(10.2, 3.1, −0.8) = (${teacher.map(show).join(', ')}) (rigorous enclosures of width < 1e-15), i.e. 1.00 / 0.00 / 0.00 to the notes' two decimals, ` +
          `not 0.92 / 0.07 / 0.01 (004:2991–2997). No temperature explains them: the ratios p₁/p₂ and p₂/p₃ of the notes imply T ∈ [${t12.lo.toFixed(4)}, ${t12.hi.toFixed(4)}] ` +
          `and T ∈ [${t23.lo.toFixed(4)}, ${t23.hi.toFixed(4)}]${disjoint ? ', which are disjoint' : ''}.`,
      },
      {
        id: 'ret.teacher-softmax#no-temperature',
        verdict: disjoint ? 'refuted' : 'confirmed',
        evidence: `No temperature T reproduces the notes' teacher numbers: softmax(s/T) has p₁/p₂ = e^{7.1/T} and p₂/p₃ = e^{3.9/T}; 0.92/0.07 needs T ∈ [${t12.lo.toFixed(4)}, ${t12.hi.toFixed(4)}], ` +
          `0.07/0.01 needs T ∈ [${t23.lo.toFixed(4)}, ${t23.hi.toFixed(4)}]${disjoint ? ' — disjoint' : ''} (the student's numbers, ret.student-softmax, imply T ≈ ${studentT.lo.toFixed(2)} and ${studentT2.lo.toFixed(2)}).`,
      },
    ];
  },
};
