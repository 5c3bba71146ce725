/**
 * pre.vit — a ViT splits an H × W × C image into N = HW/P² patches of P × P (003:780), each flattened
 * to P²C values and projected to D (003:781), with N + 1 positions (class token, 003:782). The notes'
 * "N = H × W / P × P" is a typo for HW/P²; it needs P | H and P | W (else ⌊H/P⌋⌊W/P⌋).
 * Seed 003_c2e944a0f3874627.txt, line 780: "- N patches of dimensions $P \times P$: $N = H \times W / P \times P$"
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { vitPatchesByTiling } from '../oracles/pretraining.js';

export const claim: ClaimModule = {
  id: 'pre.vit',
  properties: [
    {
      name: 'patch-count',
      kind: 'identity',
      description: 'Tiling an H × W image by P × P patches gives HW/P² patches when P divides H and W, and ⌊H/P⌋⌊W/P⌋ in general; the patches’ P²·C values per patch account for all HWC inputs exactly when P | H, W.',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.boolean()).map(([P, a, b, div]) => (div ? [P, a * P, b * P] : [P, a * P + (a % P), b * P]) as [number, number, number]),
      runs: 100,
      check: ([P, H, W]) => {
        const n = vitPatchesByTiling(H, W, P);
        if (n !== Math.floor(H / P) * Math.floor(W / P)) return { ok: false, detail: `tiling ${n}` };
        if (H % P === 0 && W % P === 0 && n * P * P !== H * W) return { ok: false, detail: `N·P² = ${n * P * P} ≠ HW = ${H * W}` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const N = vitPatchesByTiling(224, 224, 16);
    return [{
      id: 'pre.vit',
      verdict: 'confirmed',
      evidence: `Typo recorded: "N = H × W / P × P" read left to right is (HW/P)·P = HW; the line's own "N patches of dimensions P × P" fixes N = HW/P². ViT-B/16 at 224 × 224 × 3: N = ${N} patches (= 224²/16²), ` +
        `each a 16·16·3 = 768-vector mapped by a (P²C) × D = 768 × 768 matrix; B_pos ∈ R^{(N+1)×D} = R^{${N + 1}×768} with the class token (003:782). Requires P | H and P | W (224 = 14·16); otherwise ⌊H/P⌋⌊W/P⌋ (a stride-P convolution drops the remainder).`,
    }];
  },
};
