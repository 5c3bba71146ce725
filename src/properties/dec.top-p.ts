/**
 * dec.top-p — the top-p vocabulary V^(p) is the smallest set of words with Σ p(w) ≥ p (003:836–838): the
 * m most probable words for the least m whose mass reaches p. At exact thresholds (the mass of the m best
 * equals p) the m-th word is included; at ties straddling the boundary the set is not unique.
 * Seed 003_c2e944a0f3874627.txt, line 836: "Given a distribution $p(w_0/w_{\text{ct}})$ the top-p vocabulary $V^{(p)}$ is the smallest set of words such that"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { topPSets, minimalMassSetSize, isNucleus } from '../oracles/decoding.js';
import { probabilityVector } from './arbitraries.js';

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
