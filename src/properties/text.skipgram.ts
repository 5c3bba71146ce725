/**
 * text.skipgram — the skip-gram softmax p(o | c) = exp(u_oᵀv_c) / Σ_{w∈V} exp(u_wᵀv_c) and its
 * objective J = −(1/T) Σ_t Σ_{−m≤j≤m, j≠0} log p(w_{t+j} | w_t).
 * Seed 003_c2e944a0f3874627.txt, line 129 (softmax), line 119 (objective).
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { skipgramPairs, softmaxEnclose } from '../oracles/text.js';
import { showIv } from './text-shared.js';

const dot = (a: readonly Rational[], b: readonly Rational[]) => Rational.sum(a.map((x, i) => x.mul(b[i]!)));
const smallQ = fc.integer({ min: -12, max: 12 }).map((n) => Rational.of(n, 4));

export const claim: ClaimModule = {
  id: 'text.skipgram',
  properties: [
    {
      name: 'softmax-normalises',
      kind: 'identity',
      description: 'For random context vectors u_w (V = 1–8 words, d = 1–4) and a center vector v_c, the enclosures of p(w | c) are in (0, 1), sum to an interval containing 1, and the largest score gets the largest probability.',
      arbitrary: fc.record({ V: fc.integer({ min: 1, max: 8 }), d: fc.integer({ min: 1, max: 4 }) }).chain(({ V, d }) =>
        fc.record({ U: fc.array(fc.array(smallQ, { minLength: d, maxLength: d }), { minLength: V, maxLength: V }), v: fc.array(smallQ, { minLength: d, maxLength: d }) })),
      runs: 100,
      check: ({ U, v }: { U: Rational[][]; v: Rational[] }) => {
        const s = U.map((u) => dot(u, v));
        const p = softmaxEnclose(s);
        const lo = p.reduce((a, x) => a + x.lo, 0), hi = p.reduce((a, x) => a + x.hi, 0);
        if (!(lo <= 1 + 1e-12 && hi >= 1 - 1e-12)) return { ok: false, detail: `Σ p ∈ [${lo}, ${hi}]` };
        if (p.some((x) => !(x.hi > 0 && x.lo <= 1))) return { ok: false, detail: 'a probability outside (0, 1]' };
        const iMax = s.reduce((b, x, i) => (x.gt(s[b]!) ? i : b), 0);
        if (p.some((x, i) => s[i]!.lt(s[iMax]!) && x.lo > p[iMax]!.hi)) return { ok: false, detail: 'a smaller score has a larger probability' };
        return { ok: true };
      },
    },
    {
      name: 'pair-count',
      kind: 'identity',
      description: 'The double sum of the objective has Σ_t (min(m, t−1) + min(m, T−t)) terms once out-of-range positions are dropped: 2Tm − m(m+1) when T > m.',
      arbitrary: fc.record({ T: fc.integer({ min: 1, max: 30 }), m: fc.integer({ min: 1, max: 6 }) }),
      runs: 100,
      check: ({ T, m }: { T: number; m: number }) => {
        const n = skipgramPairs(Array.from({ length: T }, (_, i) => i), m).length;
        if (T > m && n !== 2 * T * m - m * (m + 1)) return { ok: false, detail: `${n} pairs, formula ${2 * T * m - m * (m + 1)}` };
        if (T <= m && n !== T * (T - 1)) return { ok: false, detail: `${n} pairs for T ≤ m` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const scores = [Rational.fromInt(2), Rational.ONE, Rational.ZERO];
    const p = softmaxEnclose(scores);
    return [
      {
        id: 'text.skipgram',
        verdict: 'confirmed',
        evidence: 'Typo, graded on the intended meaning: 003:129 writes p(c|w) for the probability of the context word w given the center c (003:112: "probability of o given c"); ' +
          `as intended, exp(u_wᵀv_c)/Σ_{w′∈V} exp(u_{w′}ᵀv_c) is a distribution over the vocabulary: scores u_wᵀv_c = (2, 1, 0) give p = (${p.map((x) => showIv(x, 5)).join(', ')}), sum 1 (enclosures; random vocabularies in the property).`,
      },
      {
        id: 'text.skipgram#objective',
        verdict: 'confirmed',
        evidence: 'J = −(1/T) Σ_t Σ_{−m≤j≤m, j≠0} log p(w_{t+j}|w_t) (003:119) is the average negative log-likelihood of the (center, context) pairs; positions outside the text are dropped (2Tm − m(m+1) pairs for T > m).',
      },
    ];
  },
};
