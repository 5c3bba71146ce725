/**
 * pre.squad — the predicted answer span (i*, j*) = argmax_{j ≥ i} (S·T_i + E·T_j) (004:1894), optionally
 * with a length limit j − i < L (003:730): computable in O(n) (a running / windowed maximum of the start
 * scores) instead of the O(n²) enumeration of pairs.
 * Seed 004_975819c312b074f9.txt, line 1894: "$$(i^*, j^*) = \arg \max_{j \geq i} (S \cdot T_i + E \cdot T_j)$$"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { bestSpanLinear, bestSpansBrute } from '../oracles/pretraining.js';

const score = fc.oneof(fc.integer({ min: -8, max: 8 }).map((k) => k / 4), fc.double({ min: -20, max: 20, noNaN: true }));
export const spanArb = fc.integer({ min: 1, max: 40 }).chain((n) => fc.record({
  start: fc.array(score, { minLength: n, maxLength: n }),
  end: fc.array(score, { minLength: n, maxLength: n }),
  maxLen: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: n + 1 })),
}));

export const claim: ClaimModule = {
  id: 'pre.squad',
  properties: [
    {
      name: 'linear-equals-brute-force',
      kind: 'identity',
      description: 'The O(n) best span (monotone deque of start maxima over the length window) has the exact maximal score S·T_i + E·T_j over all pairs i ≤ j with j − i < L, and is one of the maximising pairs (exact rational sums of the float scores; frequent ties).',
      arbitrary: spanArb,
      runs: 200,
      check: ({ start, end, maxLen }) => {
        const lin = bestSpanLinear(start, end, maxLen), bf = bestSpansBrute(start, end, maxLen);
        if (!lin || !bf.score) return { ok: false, detail: 'no span' };
        if (!lin.score.eq(bf.score)) return { ok: false, detail: `O(n) score ${lin.score}, brute force ${bf.score}` };
        if (!(lin.i <= lin.j && lin.j - lin.i < maxLen)) return { ok: false, detail: `illegal span (${lin.i}, ${lin.j})` };
        return bf.spans.some(([i, j]) => i === lin.i && j === lin.j) ? { ok: true } : { ok: false, detail: `(${lin.i}, ${lin.j}) is not a maximiser` };
      },
    },
  ],
  audit: () => {
    // 004:1829–1836: the passage "Barack Obama was born in Hawaii ." with start/end scores peaking at "Hawaii".
    const start = [0.5, 0.25, -1, -1, -0.5, 3, -2], end = [-1, 0.5, -1, -1, -1, 2.5, 1];
    const lin = bestSpanLinear(start, end)!, lim = bestSpanLinear([4, -3, 0, 0], [-3, 0, 0, 4], 2)!, full = bestSpanLinear([4, -3, 0, 0], [-3, 0, 0, 4])!;
    return [
      {
        id: 'pre.squad',
        verdict: 'confirmed',
        evidence: `argmax over j ≥ i of S·T_i + E·T_j needs no O(n²) search: max_{i ≤ j} s_i is a running maximum (O(n)), and with a length limit a monotone deque (O(n)); equal to brute force (property linear-equals-brute-force). ` +
          `Instance: start scores ${JSON.stringify(start)}, end scores ${JSON.stringify(end)} → (${lin.i}, ${lin.j}) = "Hawaii", score ${lin.score}. ` +
          `The limit matters: start (4, −3, 0, 0), end (−3, 0, 0, 4) → (${full.i}, ${full.j}) unlimited but (${lim.i}, ${lim.j}) with j − i < 2.`,
      },
      {
        id: 'pre.squad#003-dimension',
        verdict: 'refuted',
        evidence: `003:724 introduces "a start vector S ∈ ℝ^n and end vector E ∈ ℝ^n" and scores S·T_i; in 003 n is the number of input tokens (003:705 x_1 … x_n, z_1 … z_n), while S·T_i needs S in the hidden dimension of the output vectors T_i: S, E ∈ ℝ^H (004:1857–1858; Devlin et al. 2019 §4.2, H = 768 for BERT-base). For a 384-token input, ℝ^n = ℝ^384 ≠ ℝ^768.`,
      },
    ];
  },
};
