/**
 * text.softmax-cost — the full softmax P(world) = e^{s_world}/Σ_{i=1}^V e^{s_i} depends on all V
 * scores, so one probability costs V dot products (O(V) per training pair).
 * Seed 004_975819c312b074f9.txt, line 449; the cost, lines 441–453.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { softmaxEnclose } from '../oracles/text.js';

const q = fc.integer({ min: -16, max: 16 }).map((n) => Rational.of(n, 4));

export const claim: ClaimModule = {
  id: 'text.softmax-cost',
  properties: [
    {
      name: 'every-score-matters',
      kind: 'identity',
      description: 'Raising any one other word\'s score by 1 strictly lowers P(target) (disjoint enclosures), so no score of the V can be skipped; raising all scores by the same constant leaves P unchanged (overlapping enclosures).',
      arbitrary: fc.record({ s: fc.array(q, { minLength: 2, maxLength: 10 }), j: fc.nat() }),
      runs: 100,
      check: ({ s, j }: { s: Rational[]; j: number }) => {
        const t = 0, k = 1 + (j % (s.length - 1));
        const p = softmaxEnclose(s)[t]!;
        const bumped = s.map((x, i) => (i === k ? x.add(Rational.ONE) : x));
        const p2 = softmaxEnclose(bumped)[t]!;
        if (!(p2.hi < p.lo)) return { ok: false, detail: `P(target) ${p} → ${p2} after raising score ${k}` };
        const shifted = softmaxEnclose(s.map((x) => x.add(Rational.of(7, 2))))[t]!;
        return shifted.lo <= p.hi && p.lo <= shifted.hi ? { ok: true } : { ok: false, detail: `shift changed P: ${p} vs ${shifted}` };
      },
    },
  ],
  audit: () => {
    const V = 1_000_000;
    return [
      {
        id: 'text.softmax-cost',
        verdict: 'confirmed',
        evidence: `P(world) = e^{s_world}/Σ_{i=1}^V e^{s_i}: the denominator changes when any one of the V scores changes (property), so one probability needs all V scores — ` +
          `V = 10⁶ dot products u_iᵀh per training pair, O(V·d) work. For comparison a balanced binary tree needs ⌈log₂ V⌉ = ${Math.ceil(Math.log2(V))} node evaluations and negative sampling with k = 5 needs 6.`,
      },
    ];
  },
};
