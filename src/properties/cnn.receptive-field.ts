/**
 * cnn.receptive-field — L stacked convolutions of kernel size K and stride 1 give each output a
 * receptive field of L(K − 1) + 1 inputs (per axis). Checked by composing the exact index sets;
 * with strides the size is 1 + Σ_l (K_l − 1)∏_{j<l} S_j, so the notes' formula needs stride 1.
 * Seed 002_606757b0cdfd2eb0.txt, line 360: "The final output's receptive field size is $L \times (K-1) + 1 = O(LK)$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { receptiveSet, receptiveSizeGeneral } from '../oracles/convolution.js';

const contiguous = (s: Set<number>) => { const a = [...s].sort((x, y) => x - y); return a[0] === 0 && a[a.length - 1] === a.length - 1; };

export const claim: ClaimModule = {
  id: 'cnn.receptive-field',
  properties: [
    {
      name: 'stride-one',
      kind: 'identity',
      description: 'For L layers of kernel K and stride 1, the set of inputs output 0 depends on (composed exactly) is {0, …, L(K−1)}: size L(K−1) + 1.',
      arbitrary: fc.record({ L: fc.integer({ min: 1, max: 8 }), K: fc.integer({ min: 1, max: 7 }) }),
      runs: 100,
      check: ({ L, K }) => {
        const s = receptiveSet(Array.from({ length: L }, () => ({ K, S: 1 })));
        return s.size === L * (K - 1) + 1 && contiguous(s) ? { ok: true } : { ok: false, detail: `|set| = ${s.size}, formula ${L * (K - 1) + 1}` };
      },
    },
    {
      name: 'general',
      kind: 'identity',
      description: 'For mixed kernels and strides with K_l ≥ S_l (no gaps; layers listed from the input up), the composed index set is contiguous of size 1 + Σ_l (K_l − 1)∏_{j<l} S_j (which reduces to L(K−1)+1 at stride 1).',
      arbitrary: fc.array(fc.record({ K: fc.integer({ min: 1, max: 5 }), S: fc.integer({ min: 1, max: 3 }) }).filter((l) => l.K >= l.S), { minLength: 1, maxLength: 5 }),
      runs: 100,
      check: (layers) => {
        const s = receptiveSet(layers);
        const g = receptiveSizeGeneral(layers);
        return s.size === g && contiguous(s) ? { ok: true } : { ok: false, detail: `|set| = ${s.size}, general formula ${g}` };
      },
    },
  ],
  audit: () => {
    const strided = [{ K: 3, S: 2 }, { K: 3, S: 2 }, { K: 3, S: 1 }];
    return [
      {
        id: 'cnn.receptive-field',
        verdict: 'confirmed',
        evidence: `Exact for stride 1 (as the notes assume): e.g. L = 3, K = 3 → index set {0..6}, size ${receptiveSet([{ K: 3, S: 1 }, { K: 3, S: 1 }, { K: 3, S: 1 }]).size} = 3·2 + 1. ` +
          `It does not extend to strides: three K = 3 layers with strides (2, 2, 1) have receptive field ${receptiveSet(strided).size} (= 1 + 2·1 + 2·2 + 2·4), not 7. ` +
          'Per axis; a K×K kernel gives an (L(K−1)+1)² window. No dilation.',
      },
    ];
  },
};
