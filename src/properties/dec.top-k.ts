/**
 * dec.top-k — top-n sampling (003:822–832): keep the n most probable words, renormalise, sample. The
 * filtered distribution is p(w)/Σ_{top n} p on the kept words; with the HF TopKLogitsWarper tie rule
 * (keep every word whose probability is ≥ the n-th largest) more than n words survive when the n-th
 * largest is tied.
 * Seed 003_c2e944a0f3874627.txt, line 826: "- sort the words by their likelihood and throw any word that is not one of the top n most probable words."
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { topKKeep, renormalise } from '../oracles/decoding.js';
import { probabilityVector } from './arbitraries.js';

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
