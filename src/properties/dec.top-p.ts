/**
 * dec.top-p — the top-p vocabulary V^(p) is the smallest set of words with Σ p(w) ≥ p (003:836–838): the
 * m most probable words for the least m whose mass reaches p. At exact thresholds (the mass of the m best
 * equals p) the m-th word is included; at ties straddling the boundary the set is not unique.
 * Seed 003_c2e944a0f3874627.txt, line 836: "Given a distribution $p(w_0/w_{\text{ct}})$ the top-p vocabulary $V^{(p)}$ is the smallest set of words such that"
 */
import fc from 'fast-check';
import { checkSample, filterSampleArb } from './dec-sample.js';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { topPSets, minimalMassSetSize, isNucleus, isTopSet } from '../oracles/decoding.js';
import { toppDelta, nucleusSize } from '../numerics/bounds-topp.js';
import { probabilityVector } from './arbitraries.js';
import { classes, castFloats, type Tagged } from './gen-helpers.js';

export interface TopPArgs { probs: number[]; p: number }
/** Dyadic probability vectors (multiples of 1/64 summing to 1, ties frequent). */
const dyadicProbs = fc.integer({ min: 1, max: 10 }).chain((V) => fc.array(fc.integer({ min: 0, max: 8 }), { minLength: V, maxLength: V }))
  .map((w) => { const t = w.reduce((a, b) => a + b, 0); return t === 0 ? w.map((_, i) => (i === 0 ? 64 : 0)) : w.map((x, i) => x * Math.floor(64 / t) + (i === 0 ? 64 - Math.floor(64 / t) * t : 0)); })
  .map((w) => w.map((x) => x / 64));
const floatProbs = fc.integer({ min: 1, max: 30 }).chain((V) => fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: V, maxLength: V }))
  .map((w) => { const t = w.reduce((a, b) => a + b, 0); return t === 0 ? w.map((_, i) => (i === 0 ? 1 : 0)) : w.map((x) => x / t); });
const prefixMass = (probs: number[], m: number) => { const s = probs.slice().sort((a, b) => b - a); let c = 0; for (let i = 0; i < Math.min(m, s.length); i++) c += s[i]!; return Math.min(1, c); };
/** Input classes of `dec.top-p-filter` (weights /20), declared in src/ops/decoding.ts. */
export const topPOpArb: fc.Arbitrary<Tagged<TopPArgs>> = classes([
  { name: 'exact-threshold', weight: 7, arb: fc.tuple(fc.oneof(dyadicProbs, floatProbs), fc.integer({ min: 1, max: 10 })).map(([probs, m]) => ({ probs, p: prefixMass(probs, m) || 1 / 64 })) },
  { name: 'ties', weight: 5, arb: fc.tuple(dyadicProbs, fc.integer({ min: 1, max: 64 })).map(([probs, k]) => ({ probs, p: k / 64 })) },
  { name: 'generic', weight: 6, arb: fc.tuple(floatProbs, fc.integer({ min: 1, max: 20 })).map(([probs, k]) => ({ probs, p: k / 20 })) },
  { name: 'p-one', weight: 2, arb: fc.oneof(dyadicProbs, floatProbs).map((probs) => ({ probs, p: 1 })) },
]);

/** Judge a returned mask: a top set whose size lies in [m(p − δ), m(p + δ)] (bounds-topp.ts). */
export function checkTopP(a: TopPArgs, got: unknown, dtype: 'float32' | 'float64'): Outcome {
  const g = got as ArrayLike<number> | null;
  if (!g || g.length !== a.probs.length) return { ok: false, detail: `mask of length ${g?.length}, expected ${a.probs.length}` };
  const keep = Array.from(g);
  if (keep.some((x) => x !== 0 && x !== 1)) return { ok: false, detail: 'mask entries must be 0 or 1' };
  if (!isTopSet(a.probs, keep)) return { ok: false, detail: 'a dropped word is more probable than a kept one' };
  const sorted = a.probs.map((x) => Rational.fromFloat64(x)).sort((x, y) => y.cmp(x));
  const d = toppDelta(a.probs, a.p, dtype), P = Rational.fromFloat64(a.p);
  const lo = nucleusSize(sorted, P.sub(d)), hi = nucleusSize(sorted, P.add(d));
  const m = keep.filter((x) => x === 1).length;
  return lo <= m && m <= hi ? { ok: true } : { ok: false, detail: `${m} words kept; a nucleus of mass ≥ p = ${a.p} has ${nucleusSize(sorted, P)} (accepted ${lo}…${hi}, δ = ${d.toDecimal(3)})` };
}

/** Thresholds: often exactly a partial sum of the sorted probabilities (exact thresholds), else k/20. */
export const topPArb = fc.integer({ min: 1, max: 8 }).chain((V) => fc.tuple(probabilityVector(V), fc.integer({ min: 1, max: V }), fc.integer({ min: 1, max: 20 }), fc.boolean()))
  .map(([p, m, k, exact]) => {
    const sorted = p.slice().sort((a, b) => b.cmp(a));
    const thr = exact ? Rational.sum(sorted.slice(0, m)) : Rational.of(k, 20);
    return { p, thr: thr.isZero() ? Rational.of(1, 20) : thr };
  });

export const claim: ClaimModule = {
  id: 'dec.top-p',
  properties: [
    {
      name: 'smallest-set',
      kind: 'identity',
      description: 'The sorted-prefix nucleus has the least cardinality among ALL subsets of mass ≥ p (enumeration of 2^V subsets), including thresholds equal to a partial sum, and the prefix itself is a nucleus.',
      arbitrary: topPArb,
      runs: 200,
      check: ({ p, thr }: { p: Rational[]; thr: Rational }) => {
        const s = topPSets(p, thr);
        const brute = minimalMassSetSize(p, thr);
        if (s.m !== brute) return { ok: false, detail: `prefix nucleus has ${s.m} words, smallest set of mass ≥ ${thr} has ${brute}` };
        const order = p.map((q, i) => [q, i] as const).sort((a, b) => b[0].cmp(a[0]) || a[1] - b[1]);
        const keep = p.map(() => false);
        order.slice(0, s.m).forEach(([, i]) => { keep[i] = true; });
        return isNucleus(p, thr, keep) ? { ok: true } : { ok: false, detail: 'the sorted prefix is not accepted as a nucleus' };
      },
    },
    {
      name: 'tfjs-top-p-filter',
      kind: 'conformance',
      description: 'The implementation’s nucleus mask (op dec.top-p-filter) is a top set whose size is the least m with mass ≥ p, up to thresholds within the derived δ = γ_V·S + u + |S − 1| (0 on dyadic inputs: exact thresholds must include the m-th word).',
      arbitrary: topPOpArb,
      ops: ['dec.top-p-filter'],
      runs: 80,
      check: (a0: Tagged<TopPArgs>, impl: Implementation | null) => {
        const { cls: _c, ...a } = castFloats(a0, impl!.dtype);
        return checkTopP(a, impl!.ops['dec.top-p-filter']!(a), impl!.dtype);
      },
    },
    {
      name: 'sample-nucleus',
      kind: 'conformance',
      description: 'dec.sample with top-k, top-p or both (HF order: temperature, top-k, top-p on the renormalised top-k distribution): 20 000 draws, replay-deterministic, a dropped token never drawn, kept tokens’ counts against rigorous enclosures of the renormalised tempered softmax — per-token Chernoff–KL binomial tests at ALPHA_PER_CHECK.',
      arbitrary: filterSampleArb,
      ops: ['dec.sample'],
      runs: 6, // 2 per class on average: each class is built to kill its misreadings, so a run of 6 reaches top-k ties and a ≥ 2-word nucleus with probability ≥ 1 − 2·(2/3)⁶ ≈ 0.82 per seed; the mutation table records the 5 seeds
      check: (a, impl) => checkSample(a, impl!),
    },
  ],
  audit: () => {
    const p = [Rational.of(1, 2), Rational.of(1, 4), Rational.of(1, 8), Rational.of(1, 8)];
    const at = topPSets(p, Rational.of(3, 4)), tie = topPSets(p, Rational.of(4, 5));
    return [{
      id: 'dec.top-p',
      verdict: 'confirmed',
      evidence: `The smallest set of mass ≥ p is the m most probable words for the least such m (a set of m words has mass ≤ that of the m largest), checked against enumeration of all subsets. ` +
        `p = (1/2, 1/4, 1/8, 1/8): at the exact threshold p = 3/4 the nucleus has ${at.m} words (mass exactly 3/4 counts, "≥"); at p = 4/5 it has ${tie.m} words and the 3rd is either of the two 1/8 words — ` +
        `the set is then not unique (the notes say "the" set; its size is unique). HF's TopPLogitsWarper (drop the ascending prefix of cumulative mass ≤ 1 − p) gives the same set in exact arithmetic.`,
    }];
  },
};
