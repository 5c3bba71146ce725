/**
 * dec.top-k — top-n sampling (003:822–832): keep the n most probable words, renormalise, sample. The
 * filtered distribution is p(w)/Σ_{top n} p on the kept words; with the HF TopKLogitsWarper tie rule
 * (keep every word whose probability is ≥ the n-th largest) more than n words survive when the n-th
 * largest is tied.
 * Seed 003_c2e944a0f3874627.txt, line 826: "- sort the words by their likelihood and throw any word that is not one of the top n most probable words."
 */
import fc from 'fast-check';
import type { ClaimModule, Implementation, Outcome } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { topKKeep, renormalise, topKMask } from '../oracles/decoding.js';
import { probabilityVector } from './arbitraries.js';
import { classes, castFloats, f32Block, type Tagged } from './gen-helpers.js';

export interface TopKArgs { logits: number[]; k: number }
const vecK = (V: fc.Arbitrary<number>, el: fc.Arbitrary<number>, kMax: (V: number) => number, kMin: (V: number) => number = () => 1): fc.Arbitrary<TopKArgs> =>
  V.chain((n) => fc.record({ logits: fc.array(el, { minLength: n, maxLength: n }), k: fc.integer({ min: Math.min(kMin(n), kMax(n)), max: kMax(n) }) }));
/** Input classes of `dec.top-k-filter` (weights /20), declared in src/ops/decoding.ts. */
export const topKOpArb: fc.Arbitrary<Tagged<TopKArgs>> = classes([
  { name: 'ties', weight: 8, arb: vecK(fc.integer({ min: 2, max: 12 }), fc.constantFrom(-1, 0, 1, 2), (V) => V - 1) },
  { name: 'generic', weight: 8, arb: vecK(fc.integer({ min: 1, max: 40 }), fc.double({ min: -30, max: 30, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)), (V) => V) },
  { name: 'k-covers', weight: 3, arb: vecK(fc.integer({ min: 1, max: 10 }), fc.constantFrom(-1, 0, 1, 2, 0.5), (V) => V + 3, (V) => V) },
  { name: 'large-vocab', weight: 1, arb: fc.tuple(fc.integer({ min: 1000, max: 32000 }), fc.integer({ min: 1, max: 50 })).chain(([V, k]) => f32Block(V, 10).map((logits) => ({ logits, k }))) },
]);

/** Judge a returned mask against the exact HF mask. */
export function checkTopK(a: TopKArgs, got: unknown): Outcome {
  const want = topKMask(a.logits, a.k);
  const g = got as ArrayLike<number> | null;
  if (!g || g.length !== want.length) return { ok: false, detail: `mask of length ${g?.length}, expected ${want.length}` };
  for (let i = 0; i < want.length; i++) if (g[i] !== want[i]) return { ok: false, detail: `word ${i} (logit ${a.logits[i]}): got ${g[i]}, expected ${want[i]} (k = ${a.k}, kept ${want.filter((x) => x === 1).length})` };
  return { ok: true };
}

export const topKArb = fc.integer({ min: 1, max: 8 }).chain((V) => fc.tuple(probabilityVector(V), fc.integer({ min: 1, max: V })));

export const claim: ClaimModule = {
  id: 'dec.top-k',
  properties: [
    {
      name: 'renormalised-top-k',
      kind: 'identity',
      description: 'The kept set contains every word strictly more probable than a dropped one and at least k words (exactly k unless the k-th probability is tied); the renormalised distribution sums to 1 and keeps the ratios of the kept probabilities.',
      arbitrary: topKArb,
      runs: 200,
      check: ([p, k]: [Rational[], number]) => {
        const keep = topKKeep(p, k);
        const n = keep.filter(Boolean).length;
        const sorted = p.slice().sort((a, b) => b.cmp(a));
        const tiedAtK = k < p.length && sorted[k - 1]!.eq(sorted[k]!);
        if (n < k || (!tiedAtK && n !== k)) return { ok: false, detail: `${n} words kept for k = ${k}` };
        for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (keep[j] && !keep[i] && p[i]!.gt(p[j]!)) return { ok: false, detail: `dropped word ${i} (${p[i]}) more probable than kept word ${j} (${p[j]})` };
        const q = renormalise(p, keep);
        if (!Rational.sum(q).eq(Rational.ONE)) return { ok: false, detail: `renormalised mass ${Rational.sum(q)}` };
        for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (keep[i] && keep[j] && !q[i]!.mul(p[j]!).eq(q[j]!.mul(p[i]!))) return { ok: false, detail: `ratio of words ${i}, ${j} changed` };
        return { ok: true };
      },
    },
    {
      name: 'tfjs-top-k-filter',
      kind: 'conformance',
      description: 'The implementation’s top-k mask (op dec.top-k-filter) equals the exact HF mask (logit ≥ the k-th largest; ties kept; k ≥ V keeps all) — comparisons only, so exact in both dtypes.',
      arbitrary: topKOpArb,
      ops: ['dec.top-k-filter'],
      runs: 80,
      check: (a0: Tagged<TopKArgs>, impl: Implementation | null) => {
        const { cls: _c, ...a } = castFloats(a0, impl!.dtype);
        return checkTopK(a, impl!.ops['dec.top-k-filter']!(a));
      },
    },
  ],
  audit: () => {
    const p = [Rational.of(1, 2), Rational.of(1, 4), Rational.of(1, 8), Rational.of(1, 8)];
    const q = renormalise(p, topKKeep(p, 2));
    const tie = topKKeep(p, 3).filter(Boolean).length;
    return [{
      id: 'dec.top-k',
      verdict: 'confirmed',
      evidence: `p = (1/2, 1/4, 1/8, 1/8), n = 2: kept {1, 2}, renormalised (${q.map(String).join(', ')}). The recipe is exact as stated. ` +
        `At a tie the "top n" is not unique: n = 3 keeps ${tie} words under the HF rule (≥ the n-th largest), 3 under torch.topk; the notes fix no tie rule (sampling from the tied set is affected only at ties).`,
    }];
  },
};
