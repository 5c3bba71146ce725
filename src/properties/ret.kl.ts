/**
 * ret.kl — the distillation loss KL(T‖S) = Σ_i T_i log(T_i/S_i) and Gibbs' inequality.
 * Seed 004_975819c312b074f9.txt, lines 3017–3022: "Loss: $\mathcal{L} = KL(T \parallel S)$" …
 * "Which expands to: $\sum_i T_i \cdot \log \frac{T_i}{S_i}$".
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { klExact, klOfFloats, toInterval } from '../oracles/retrieval.js';
import { softmaxR } from '../numerics/precise.js';
import { klBound } from '../numerics/bounds-retrieval.js';
import { precisionOf, SAFETY } from '../numerics/bounds.js';
import { distanceToInterval } from '../numerics/enclose.js';
import { classes, sizeUpTo, f64Full, castFloats, type Tagged } from './gen-helpers.js';
import { seededValues } from './seeded-values.js';

export interface KlArgs { p: number[]; q: number[] }
export type KlCase = Tagged<KlArgs>;

const fr = (v: number) => { const r = Math.fround(v); return Object.is(r, -0) ? 0 : r; };
/** Positive weights → a float32 probability vector (sums to 1 up to rounding). */
const normalize = (w: number[]) => { const s = w.reduce((a, b) => a + b, 0); return w.map((v) => fr(v / s)); };
const weights = (n: number, lo = 1, hi = 1000) => fc.array(fc.integer({ min: lo, max: hi }), { minLength: n, maxLength: n });
const pair = (n: fc.Arbitrary<number>) => n.chain((k) => fc.tuple(weights(k), weights(k))).map(([a, b]) => ({ p: normalize(a), q: normalize(b) }));

/** Input classes of `loss.kl` (spec/ops.md; test/power/loss.kl-generators.test.ts). */
export const KL_CLASSES = [
  { name: 'mixed', weight: 25, arb: pair(sizeUpTo(1, 64)) },
  {
    name: 'zeros-in-p', weight: 12,
    arb: sizeUpTo(2, 32).chain((k) => fc.tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: k, maxLength: k }), weights(k)))
      .map(([a, b]) => { const w = a.every((v) => v === 0) ? a.map((_, i) => (i === 0 ? 1 : 0)) : a; const z = w.map((v, i) => (i === 0 && w.every((x) => x !== 0) ? 0 : v)); const ww = z.every((v) => v === 0) ? w : z; return { p: normalize(ww), q: normalize(b) }; }),
  },
  {
    // q = p exactly (KL = 0) or p nudged by a few float32 ulps
    name: 'near-equal', weight: 12,
    arb: fc.tuple(sizeUpTo(1, 32).chain((k) => weights(k)), fc.boolean(), fc.integer({ min: -3, max: 3 })).map(([w, same, k]) => {
      const p = normalize(w);
      return { p, q: same ? [...p] : p.map((v, i) => fr(v * (1 + ((i % 3) - 1) * k * 2 ** -23))) };
    }),
  },
  {
    name: 'tiny-q', weight: 12,
    arb: fc.tuple(sizeUpTo(2, 16).chain((k) => fc.tuple(weights(k), weights(k))), fc.integer({ min: 10, max: 100 }), fc.nat()).map(([[a, b], e, i]) => {
      const q = normalize(b);
      q[i % q.length] = fr(q[i % q.length]! * 2 ** -e);
      return { p: normalize(a), q };
    }),
  },
  {
    // peaked three-way distributions like the distillation example (004:2991–3011)
    name: 'teacher-student', weight: 10,
    arb: fc.tuple(fc.integer({ min: 50, max: 99 }), fc.integer({ min: 50, max: 99 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b, c, d]) => ({ p: normalize([a, 100 - a - Math.min(c, 100 - a - 1), Math.min(c, 100 - a - 1)].map((v) => Math.max(v, 1))), q: normalize([b, Math.max(100 - b - d, 1), d]) })),
  },
  { name: 'float64-only', weight: 10, arb: sizeUpTo(2, 24).chain((k) => fc.tuple(fc.array(f64Full(-2, 3).map(Math.abs), { minLength: k, maxLength: k }), fc.array(f64Full(-2, 3).map(Math.abs), { minLength: k, maxLength: k }))).map(([a, b]) => { const s = a.reduce((x, y) => x + y, 0), t = b.reduce((x, y) => x + y, 0); return { p: a.map((v) => v / s), q: b.map((v) => v / t) }; }) },
  {
    name: 'realistic', weight: 4,
    arb: fc.noShrink(fc.tuple(sizeUpTo(1000, 2048, 4), fc.integer({ min: 1, max: 0x7fffffff }), fc.integer({ min: 1, max: 0x7fffffff })).map(([n, s1, s2]) => ({
      p: normalize(seededValues(n, s1, { uniform: 1 }).map((v) => Math.exp(6 * v))),
      q: normalize(seededValues(n, s2, { uniform: 1 }).map((v) => Math.exp(6 * v))),
    }))),
  },
] as const;

export const klArb: fc.Arbitrary<KlCase> = classes<KlArgs>(KL_CLASSES as unknown as readonly { name: string; weight: number; arb: fc.Arbitrary<KlArgs> }[]);

/** Exact KL (enclosure) and the derived bound of `loss.kl` for this implementation; null when KL = +∞. */
export function klExpectation(a: KlArgs, impl: Pick<Implementation, 'dtype' | 'backend' | 'profile'>) {
  const e = klOfFloats(a.p, a.q);
  if (e === null) return null;
  const mag = (b: { lo: Rational; hi: Rational }) => Math.max(Math.abs(b.lo.toFloat64()), Math.abs(b.hi.toFloat64())) * SAFETY;
  const terms = a.p.map((p, i) => {
    const Lp = mag(e.logp[i]!), Lq = mag(e.logq[i]!);
    return { p, Lp, Lq, r: Lp + Lq, tAbs: mag(e.terms[i]!) };
  });
  return { enc: toInterval(e.total), bound: klBound(terms, precisionOf(impl)) };
}

export function compareKl(a: KlArgs, got: unknown, impl: Implementation): Outcome {
  const x = klExpectation(a, impl);
  if (x === null) return got === Infinity ? { ok: true } : { ok: false, detail: `KL = +∞ (p_i > 0 = q_i), got ${String(got)}` };
  if (typeof got !== 'number' || Number.isNaN(got)) return { ok: false, detail: `KL ${String(got)}` };
  const err = distanceToInterval(got, x.enc);
  const ratio = err === 0 ? 0 : err / x.bound;
  return ratio <= 1 ? { ok: true, ratio } : { ok: false, ratio, detail: `KL ${got}, exact ∈ [${x.enc.lo}, ${x.enc.hi}], bound ${x.bound.toExponential(3)}, n = ${a.p.length}` };
}

/** Rational probability vectors (exact sums 1, q > 0) for Gibbs' inequality. */
const ratDist = (n: number, allowZero: boolean) => fc.array(fc.integer({ min: allowZero ? 0 : 1, max: 12 }), { minLength: n, maxLength: n })
  .map((w) => (w.every((v) => v === 0) ? w.map((_, i) => (i === 0 ? 1 : 0)) : w))
  .map((w) => { const s = w.reduce((a, b) => a + b, 0); return w.map((v) => Rational.of(v, s)); });

const show = (b: { lo: Rational; hi: Rational }) => b.lo.add(b.hi).div(Rational.of(2)).toDecimal(6);

export const claim: ClaimModule = {
  id: 'ret.kl',
  properties: [
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s KL(p‖q) = Σ p_i log(p_i/q_i) lies within the derived bound (klBound: the logs within the elementary allowance, the products, the sum) of the rigorous enclosure; 0·log 0 = 0; classes of spec/ops.md (zeros in p, q = p, tiny q, float64-only, vocabulary-sized).',
      arbitrary: klArb,
      ops: ['loss.kl'],
      runs: 120,
      check: (c, impl) => {
        const a = castFloats({ p: c.p, q: c.q }, impl!.dtype);
        return compareKl(a, impl!.ops['loss.kl']!(a), impl!);
      },
    },
    {
      name: 'gibbs-inequality',
      kind: 'identity',
      description: 'Gibbs’ inequality, exactly: for rational distributions p, q (q > 0) KL(p‖q) ≥ 0, with equality iff p = q (the enclosure excludes 0 when p ≠ q); and KL is not symmetric in general.',
      arbitrary: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(ratDist(n, true), ratDist(n, false), fc.boolean())).map(([p, q, same]) => ({ p, q: same ? p.map((v, i) => (v.isZero() ? q[i]! : v)) : q })),
      runs: 150,
      check: ({ p, q }: { p: Rational[]; q: Rational[] }) => {
        const s = Rational.sum(q);
        const qn = q.map((v) => v.div(s));
        const kl = klExact(p, qn)!;
        const equal = p.every((v, i) => v.eq(qn[i]!));
        if (kl.hi.sign() < 0) return { ok: false, detail: `KL < 0: ≤ ${kl.hi.toDecimal(10)}` };
        if (equal && !(kl.lo.sign() <= 0 && kl.hi.sign() >= 0)) return { ok: false, detail: 'p = q but KL ≠ 0' };
        if (!equal && kl.lo.sign() <= 0) return { ok: false, detail: `p ≠ q but the enclosure of KL reaches 0: [${kl.lo.toDecimal(20)}, ${kl.hi.toDecimal(20)}]` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const dec = (xs: string[]) => xs.map((s) => Rational.parse(s));
    // The notes' rounded distributions (004:2991–3011) and the exact softmaxes of the scores.
    const Tn = dec(['0.92', '0.07', '0.01']), Sn = dec(['0.88', '0.10', '0.02']);
    const klNotes = klExact(Tn, Sn)!;
    const klNotesRev = klExact(Sn, Tn)!;
    const T = softmaxR(dec(['10.2', '3.1', '-0.8']), 120), S = softmaxR(dec(['8.7', '2.5', '-0.2']), 120);
    // KL(T‖S) of the exact softmaxes: Σ T_i (log T_i − log S_i); monotone bounds via the enclosures (terms evaluated at both ends)
    const mid = (b: { lo: Rational; hi: Rational }) => b.lo.add(b.hi).div(Rational.of(2));
    const klTrue = klExact(T.map(mid), S.map(mid))!;
    const gibbsOk = klNotes.lo.sign() > 0 && klTrue.lo.sign() > 0;
    return [
      {
        id: 'ret.kl',
        verdict: 'confirmed',
        evidence: `KL(T‖S) = Σ_i T_i log(T_i/S_i) is the definition of the divergence of S from T (004:3017–3019), with the teacher first as in distillation. ` +
          `With the notes' own numbers T = (0.92, 0.07, 0.01), S = (0.88, 0.10, 0.02): KL(T‖S) = ${show(klNotes)} nats, while KL(S‖T) = ${show(klNotesRev)} (the order matters). ` +
          `With the exact softmaxes of the scores (see ret.teacher-softmax, ret.student-softmax): KL(T‖S) ≈ ${show(klTrue)} nats (at the midpoints of 120-bit enclosures).`,
      },
      {
        id: 'ret.kl#gibbs',
        verdict: gibbsOk ? 'confirmed' : 'refuted',
        evidence: `Gibbs' inequality: KL(T‖S) ≥ 0 with equality iff T = S (log x ≤ x − 1), so the loss is positive exactly when the student's distribution differs from the teacher's: ` +
          `${show(klNotes)} > 0 and ${show(klTrue)} > 0 here; the property gibbs-inequality checks it exactly on generated rational distributions.`,
      },
    ];
  },
};
