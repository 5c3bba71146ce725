/**
 * peft.krona — KronA: ΔW = A_k ⊗ B_k with s×s factors is d×d (d = s²) with 2s² = 2d parameters, and
 * rank(A ⊗ B) = rank A · rank B, so full-rank 64×64 factors give a full-rank 4096×4096 update; LoRA's BA has
 * rank ≤ r with 2dr parameters.
 * Seed 004_975819c312b074f9.txt, line 3230: "- If A_k, B_k are full rank (rank 64 each), then rank $(\Delta W) = 64 \times 64 = 4096 = d \Rightarrow$ **full rank**."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { kron, kronaParams, loraParams, matMul, rank, type RMat } from '../oracles/peft.js';
import { smallRational } from './arbitraries.js';

const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

/** A p×q matrix of rank ≤ k as a product of random p×k and k×q small rationals (often exactly k). */
const lowRank = (p: number, q: number, k: number): fc.Arbitrary<RMat> => {
  const m = (r: number, c: number) => fc.array(fc.array(smallRational(5, 3), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
  return k === 0 ? fc.constant(Array.from({ length: p }, () => Array.from({ length: q }, () => Rational.ZERO))) : fc.tuple(m(p, k), m(k, q)).map(([X, Y]) => matMul(X, Y));
};
const pairArb = fc.record({ m: d(1, 4), n: d(1, 4), p: d(1, 4), q: d(1, 4) }).chain((s) =>
  fc.record({ ka: d(0, Math.min(s.m, s.n)), kb: d(0, Math.min(s.p, s.q)) }).chain((k) => fc.tuple(lowRank(s.m, s.n, k.ka), lowRank(s.p, s.q, k.kb))));

export const claim: ClaimModule = {
  id: 'peft.krona',
  properties: [
    {
      name: 'kron-rank',
      kind: 'identity',
      description: 'rank(A ⊗ B) = rank A · rank B (exact rational ranks by fraction-free elimination) for A, B of sizes up to 4×4 and every rank from 0 to full, and A ⊗ B is (mp)×(nq).',
      arbitrary: pairArb,
      runs: 80,
      check: ([A, B]) => {
        const K = kron(A, B);
        if (K.length !== A.length * B.length || K[0]!.length !== A[0]!.length * B[0]!.length) return { ok: false, detail: `A⊗B is ${K.length}×${K[0]!.length}` };
        const rk = rank(K), ra = rank(A), rb = rank(B);
        return rk === ra * rb ? { ok: true } : { ok: false, detail: `rank(A⊗B) = ${rk}, rank A · rank B = ${ra}·${rb}` };
      },
    },
  ],
  audit: () => {
    // rank(I₆₄ ⊗ I₆₄) = 4096: I ⊗ I is the 4096×4096 identity, whose rank is 4096 by inspection; the exact
    // elimination is run on the 8×8 analogue (s = 8: rank 8·8 = 64 = d) and on random full-rank 3×3 factors.
    const I = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
    const r8 = rank(kron(I(8), I(8)));
    const A = [[2, 1, 0], [1, 3, 1], [0, 1, 4]].map((r) => r.map((v) => Rational.fromInt(v)));
    const B = [[1, 2, 3], [0, 1, 5], [1, 0, 2]].map((r) => r.map((v) => Rational.fromInt(v)));
    const r3 = rank(kron(A, B));
    const kp = kronaParams(64, 64, 64, 64), lp = loraParams(4096, 4096, 8);
    return [
      {
        id: 'peft.krona',
        verdict: r8 === 64 && r3 === 9 ? 'confirmed' : 'refuted',
        evidence: `rank(A ⊗ B) = rank A · rank B (Kronecker theory: the singular values of A⊗B are the products σ_i(A)σ_j(B)); exact ranks agree on generated factors of every rank (identity property), e.g. rank(I₈ ⊗ I₈) = ${r8}, full-rank 3×3 factors give rank ${r3}. ` +
          `So full-rank 64×64 A_k, B_k give rank(ΔW) = 64·64 = 4096 = d: full rank. LoRA's BA has rank ≤ r = 8.`,
      },
      {
        id: 'peft.krona#params',
        verdict: kp === 8192n && lp === 65536n ? 'confirmed' : 'refuted',
        evidence: `Exact counts: one 64×64 factor 4,096; KronA ${kp}; LoRA r = 8 on 4096×4096: ${lp}; ratio ${Rational.of(lp, kp)} (004:3224–3226). KronA stores 2s² = 2d parameters for a d×d update (d = s²) and LoRA 2dr.`,
      },
      {
        id: 'peft.krona#expressivity',
        verdict: 'confirmed',
        evidence: `Maximum rank per trainable parameter at d = 4096: KronA (64×64 factors) 4096/${kp} = ${Rational.of(4096, kp)}, LoRA r = 8: 8/${lp} = ${Rational.of(8, lp)} — ${Rational.of(4096, kp).div(Rational.of(8, lp))}× more (004:3233, "far greater expressivity per parameter", read as attainable rank).`,
      },
    ];
  },
};
