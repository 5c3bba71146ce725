/**
 * ssm.depth — computation-graph depth of evaluating an SSM of state size n over L steps:
 * unrolling the recurrence has a critical path of L steps of depth Θ(log n) each (Θ(L log n)); computing K by
 * doubling (t = ⌈log₂ L⌉ rounds of depth 1 + ⌈log₂ n⌉) and convolving by FFT (depth O(log L)) is O(log L · log n).
 * Seed 002_606757b0cdfd2eb0.txt, line 589: "But if using FFT, depth of computation graph: $O(\log L)$; each with depth $O(\log n)$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { recurrenceDepths, fftPathDepth, fftConvDepth, doublingDepth, clog2 } from '../oracles/state-space.js';

const caseArb = fc.record({ n: fc.integer({ min: 1, max: 16 }), L: fc.integer({ min: 2, max: 256 }) });

export const claim: ClaimModule = {
  id: 'ssm.depth',
  properties: [
    {
      name: 'recurrence',
      kind: 'identity',
      description: 'Unrolled recurrence: each output y_k has depth between (k+1)(1 + ⌈log₂ n⌉) and (k+1)(1 + ⌈log₂(n+1)⌉) (optimal addition trees): Θ(L log n) for y_{L−1}.',
      arbitrary: caseArb,
      runs: 60,
      check: ({ n, L }) => {
        const d = recurrenceDepths(n, L);
        for (let k = 0; k < L; k++) {
          const lo = (k + 1) * (1 + clog2(n)), hi = (k + 1) * (1 + clog2(n + 1));
          if (d[k]! < lo || d[k]! > hi) return { ok: false, detail: `n = ${n}, k = ${k}: depth ${d[k]} not in [${lo}, ${hi}]` };
        }
        return { ok: true };
      },
    },
    {
      name: 'doubling',
      kind: 'identity',
      description: 'Doubling: after t rounds, A^{2^t} and all blocks of X^{2^t} have depth exactly t(1 + ⌈log₂ n⌉).',
      arbitrary: fc.record({ n: fc.integer({ min: 1, max: 16 }), t: fc.integer({ min: 0, max: 10 }) }),
      runs: 60,
      check: ({ n, t }) => {
        const d = doublingDepth(n, t);
        const want = t * (1 + clog2(n));
        return d.power === want && d.blocks === want ? { ok: true } : { ok: false, detail: `n = ${n}, t = ${t}: ${JSON.stringify(d)} ≠ ${want}` };
      },
    },
    {
      name: 'fft-path',
      kind: 'identity',
      description: 'FFT convolution of given K has depth 6·log₂N + 3 (N the padded length, independent of n); the whole FFT path (K by doubling, then FFT) is ⌈log₂ L⌉(1 + ⌈log₂ n⌉) + 2(1 + ⌈log₂ n⌉) + 6·log₂N + 3.',
      arbitrary: caseArb,
      runs: 60,
      check: ({ n, L }) => {
        let N = 2;
        while (N < 2 * L) N *= 2;
        const s = Math.log2(N);
        const conv = fftConvDepth(L, 0);
        const path = fftPathDepth(n, L);
        const want = (clog2(L) + 2) * (1 + clog2(n)) + 6 * s + 3;
        return conv === 6 * s + 3 && path === want ? { ok: true } : { ok: false, detail: `n = ${n}, L = ${L}: conv ${conv} (want ${6 * s + 3}), path ${path} (want ${want})` };
      },
    },
  ],
  audit: () => {
    const n = 16, L = 1024;
    const rec = recurrenceDepths(n, L)[L - 1]!;
    const path = fftPathDepth(n, L);
    const conv = fftConvDepth(L, 0);
    return [
      {
        id: 'ssm.depth',
        verdict: rec >= L * (1 + clog2(n)) && path < rec ? 'confirmed' : 'refuted',
        evidence: `n = ${n}, L = ${L}: the unrolled recurrence's last output has depth ${rec}, between L(1 + ⌈log₂ n⌉) = ${L * (1 + clog2(n))} and L(1 + ⌈log₂(n + 1)⌉) = ${L * (1 + clog2(n + 1))}, i.e. O(L log n) (002:587); ` +
          `K by doubling then FFT convolution has depth ${path} = (⌈log₂ L⌉ + 2)(1 + ⌈log₂ n⌉) + 6·log₂(2L) + 3, i.e. O(log L · log n) (002:589).`,
      },
      {
        id: 'ssm.depth#fft-stage',
        verdict: 'confirmed',
        evidence: `True as an upper bound (O(·) bounds from above), though not tight: 002:589 attributes depth O(log n) to each FFT stage; a radix-2 butterfly stage has constant depth 3 (complex multiply 2, add 1), so the FFT convolution of a given K has depth ${conv} ` +
          `= 6·log₂N + 3 for any n. The log n factor comes from computing K (doubling, 002:599), and the stated total O(log L · log n) remains a valid upper bound.`,
      },
    ];
  },
};
