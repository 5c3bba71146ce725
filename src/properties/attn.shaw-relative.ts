/**
 * attn.shaw-relative — relative-position self-attention (Shaw, Uszkoreit, Vaswani 2018), as 000:519–534
 * write it: e_ij = ((QKᵀ)_ij + x_iW_Q(a^K_ij)ᵀ)/√d_k = x_iW_Q(x_jW_K + a^K_ij)ᵀ/√d_k with
 * a_ij = w_{clip(j−i, k)}, clip(x, k) = max(−k, min(k, x)): 2k + 1 learned vectors for any length.
 * Seed 000_1c190711b4cfcedd.txt, line 525.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { shawScoresDirect, shawScoresSplit, clipRel, vconcat } from '../oracles/attention.js';
import { qmatArb, showM, prop } from './attn-shared.js';

const shawArb = fc.record({ n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 4 }), da: fc.integer({ min: 1, max: 3 }), k: fc.integer({ min: 0, max: 4 }) })
  .chain(({ n, d, da, k }) => fc.record({ k: fc.constant(k), X: qmatArb(n, d), WQ: qmatArb(d, da), WK: qmatArb(d, da), wK: qmatArb(2 * k + 1, da) }));

/** Distinct clipped offsets used by an n-token sequence. */
function distinctOffsets(n: number, k: number): number {
  const s = new Set<number>();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s.add(clipRel(j - i, k));
  return s.size;
}

export const claim: ClaimModule = {
  id: 'attn.shaw-relative',
  properties: [
    prop({
      name: 'split-form',
      kind: 'identity',
      description: 'Shaw’s score x_iW_Q(x_jW_K + a^K_ij)ᵀ equals the notes’ split (QKᵀ)_ij + x_iW_Q(a^K_ij)ᵀ exactly (the common 1/√d_k omitted), with a^K_ij = w_{clip(j−i,k)}.',
      arbitrary: shawArb,
      runs: 100,
      check: ({ k, X, WQ, WK, wK }) => {
        const a = shawScoresDirect(X, WQ, WK, wK, k), b = shawScoresSplit(X, WQ, WK, wK, k);
        return a.equals(b) ? { ok: true } : { ok: false, detail: `${showM(a)} ≠ ${showM(b)}` };
      },
    }),
    prop({
      name: 'clip-count',
      kind: 'identity',
      description: 'An n-token sequence uses min(2k + 1, 2n − 1) distinct relative vectors w_{clip(j−i,k)}: at most 2k + 1 for every length, so the parameters do not grow with n (000:534).',
      arbitrary: fc.record({ n: fc.integer({ min: 1, max: 40 }), k: fc.integer({ min: 0, max: 12 }) }),
      runs: 100,
      check: ({ n, k }) => {
        const got = distinctOffsets(n, k), want = Math.min(2 * k + 1, 2 * n - 1);
        return got === want ? { ok: true } : { ok: false, detail: `n = ${n}, k = ${k}: ${got} distinct offsets, expected ${want}` };
      },
    }),
    prop({
      name: 'append-invariance',
      kind: 'identity',
      description: 'Appending a token leaves every score e_ij between existing positions unchanged (a_ij depends only on j − i).',
      arbitrary: shawArb.chain((c) => qmatArb(1, c.X.cols).map((row) => ({ ...c, row }))),
      runs: 60,
      check: ({ k, X, WQ, WK, wK, row }) => {
        const n = X.rows;
        const a = shawScoresDirect(X, WQ, WK, wK, k);
        const big = shawScoresDirect(vconcat([X, row]), WQ, WK, wK, k);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (!a.get(i, j).eq(big.get(i, j))) return { ok: false, detail: `e_${i}${j} changed: ${a.get(i, j)} → ${big.get(i, j)}` };
        return { ok: true };
      },
    }),
  ],
  audit: () => [
    {
      id: 'attn.shaw-relative',
      verdict: 'confirmed',
      evidence: 'Read with the index (i, j) on QKᵀ (typo: 000:525 writes the whole matrix QKᵀ in a formula for the scalar e_ij, the left side fixes the entry): (QKᵀ)_ij + x_iW_Q(a^K_ij)ᵀ = x_iW_Q(x_jW_K)ᵀ + x_iW_Q(a^K_ij)ᵀ = x_iW_Q(x_jW_K + a^K_ij)ᵀ, Shaw et al.’s eq. (5); property split-form checks it exactly.',
    },
    {
      id: 'attn.shaw-relative#clip',
      verdict: 'confirmed',
      evidence: `a_ij = w_{clip(j−i,k)} with clip(x, k) = max(−k, min(k, x)) (000:529–530) uses min(2k + 1, 2n − 1) distinct vectors — e.g. k = 4: ${distinctOffsets(3, 4)} for n = 3, ${distinctOffsets(100, 4)} for n = 100 — so clipping bounds the parameters by 2k + 1 vectors for keys and for values at any length (000:532–534).`,
    },
  ],
};
