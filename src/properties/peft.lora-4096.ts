/**
 * peft.lora-4096 — the worked example: a 4096×4096 matrix has 16,777,216 parameters; LoRA with r = 8 has
 * 4096·8 + 8·4096 = 65,536; the fraction is 0.00390625 = 0.390625 % and the compression factor 256.
 * Seed 004_975819c312b074f9.txt, line 3158: "- Full parameters to update: $4096 \times 4096 = 16,777,216$."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { denseParams, loraParams } from '../oracles/peft.js';
import { classes, sizeUpTo } from './gen-helpers.js';

const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const dimsArb = classes([
  { name: 'small', weight: 3, arb: fc.record({ dd: d(1, 64), k: d(1, 64), r: d(1, 16) }) },
  { name: 'realistic', weight: 2, arb: fc.record({ dd: sizeUpTo(512, 16384), k: sizeUpTo(512, 16384), r: fc.constantFrom(1, 2, 4, 8, 16, 32, 64) }) },
]);

export const claim: ClaimModule = {
  id: 'peft.lora-4096',
  properties: [
    {
      name: 'fraction-and-factor',
      kind: 'identity',
      description: 'A rank-r LoRA on a d×k weight has r(d + k) parameters: counting the entries of B (d×r) and A (r×k) row by row gives the same number, the fraction updated is r(d + k)/(dk) exactly, and for d = k it is 2r/d (compression factor d/(2r)).',
      arbitrary: dimsArb,
      runs: 100,
      check: ({ dd, k, r }) => {
        let count = 0n;
        for (let i = 0; i < dd; i++) count += BigInt(r); // rows of B
        for (let l = 0; l < r; l++) count += BigInt(k); // rows of A
        const n = loraParams(dd, k, r);
        if (count !== n) return { ok: false, detail: `counted ${count}, formula ${n}` };
        const frac = Rational.of(n, denseParams(dd, k));
        const want = Rational.of(BigInt(r) * BigInt(dd + k), BigInt(dd) * BigInt(k));
        if (!frac.eq(want)) return { ok: false, detail: `fraction ${frac} ≠ ${want}` };
        if (dd === k && !frac.eq(Rational.of(2 * r, dd))) return { ok: false, detail: `square: fraction ${frac} ≠ 2r/d` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const full = denseParams(4096, 4096), one = BigInt(4096 * 8), lora = loraParams(4096, 4096, 8);
    const frac = Rational.of(lora, full), factor = Rational.of(full, lora);
    const ok = full === 16_777_216n && one === 32_768n && lora === 65_536n && frac.eq(Rational.of(390625, 100_000_000)) && factor.eq(Rational.fromInt(256));
    return [
      {
        id: 'peft.lora-4096',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `Exact integers: 4096 × 4096 = ${full}; 4096 × 8 = ${one}; ${one} + ${one} = ${lora}; ${lora}/${full} = ${frac} = ${frac.toDecimal(8)} = 0.390625 %; ${full}/${lora} = ${factor}. Every number of 004:3170–3186 is exact (the "~256x" is exactly 256).`,
      },
    ];
  },
};
