/**
 * peft.lora-init — A Gaussian, B = 0: ΔW(0) = BA = 0, so the model starts exactly as the pre-trained one; and
 * (002:767) if both A and B are 0 the gradients of A and B are both 0 (training never leaves 0).
 * Seed 004_975819c312b074f9.txt, line 3152: "Zeroing B makes $\Delta W(0) = BA = 0$ at step 0, so the model starts exactly as the pre-trained model — avoids destructive initial perturbations."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { loraGrads, loraLoss, loraMerge, type RMat } from '../oracles/peft.js';
import { smallRational } from './arbitraries.js';

const d = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const mat = (r: number, c: number) => fc.array(fc.array(smallRational(9, 4), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
const vec = (n: number) => fc.array(smallRational(9, 4), { minLength: n, maxLength: n });
const caseArb = fc.record({ dd: d(1, 4), k: d(1, 4), r: d(1, 3), init: fc.constantFrom('b-zero', 'both-zero', 'random') }).chain((s) =>
  fc.record({ w0: mat(s.dd, s.k), b: mat(s.dd, s.r), a: mat(s.r, s.k), x: vec(s.k), g: vec(s.dd), alpha: smallRational(16, 2).filter((q) => !q.isZero()), init: fc.constant(s.init) }));

const zero = (M: RMat) => M.map((row) => row.map(() => Rational.ZERO));
const isZero = (M: RMat) => M.every((row) => row.every((v) => v.isZero()));

/** ∂L/∂M by unit differences: L is affine in each factor for the other fixed, so L(M + E) − L(M) is the partial derivative exactly. */
function unitDiff(M: RMat, f: (M: RMat) => Rational): RMat {
  const L0 = f(M);
  return M.map((row, i) => row.map((_, j) => f(M.map((r2, a) => r2.map((v, b) => (a === i && b === j ? v.add(Rational.ONE) : v)))).sub(L0)));
}

export const claim: ClaimModule = {
  id: 'peft.lora-init',
  properties: [
    {
      name: 'init-gradients',
      kind: 'identity',
      description: 'For L = ⟨G, (W₀ + (α/r)BA)x⟩: the unit differences of L in B and in A equal (α/r)G(Ax)ᵀ and (α/r)(BᵀG)xᵀ; with B = 0 the merged weight is W₀ and ∂L/∂A = 0 (∂L/∂B generally not); with A = B = 0 both gradients vanish.',
      arbitrary: caseArb,
      runs: 80,
      check: ({ w0, b: b0, a: a0, x, g, alpha, init }) => {
        const b = init === 'random' ? b0 : zero(b0), a = init === 'both-zero' ? zero(a0) : a0;
        const dB = unitDiff(b, (B) => loraLoss(w0, B, a, alpha, x, g));
        const dA = unitDiff(a, (A) => loraLoss(w0, b, A, alpha, x, g));
        const cf = loraGrads(b, a, alpha, x, g);
        const same = (X: RMat, Y: RMat) => X.every((row, i) => row.every((v, j) => v.eq(Y[i]![j]!)));
        if (!same(dB, cf.dB) || !same(dA, cf.dA)) return { ok: false, detail: 'unit differences differ from the closed-form gradients' };
        if (init !== 'random') {
          const W = loraMerge(w0, b, a, alpha);
          if (!same(W, w0)) return { ok: false, detail: 'B = 0 but the merged weight is not W₀' };
          if (!isZero(dA)) return { ok: false, detail: 'B = 0 but ∂L/∂A ≠ 0' };
        }
        if (init === 'both-zero' && !isZero(dB)) return { ok: false, detail: 'A = B = 0 but ∂L/∂B ≠ 0' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const q = (M: number[][]) => M.map((r) => r.map((v) => Rational.fromInt(v)));
    const W0 = q([[1, 2], [3, 4]]), A = q([[1, -1]]), B0 = q([[0], [0]]), x = [1, 2].map((v) => Rational.fromInt(v)), G = [1, 1].map((v) => Rational.fromInt(v));
    const alpha = Rational.fromInt(2);
    const g1 = loraGrads(B0, A, alpha, x, G);
    const g0 = loraGrads(B0, q([[0, 0]]), alpha, x, G);
    const W = loraMerge(W0, B0, A, alpha);
    const show = (M: RMat) => `[${M.map((r) => r.join(', ')).join('; ')}]`;
    return [
      {
        id: 'peft.lora-init',
        verdict: 'confirmed',
        evidence: `B = 0 gives BA = 0 for every A, so W₀ + (α/r)BA = W₀ exactly: W₀ = ${show(W0)}, A = ${show(A)}, B = 0 → ${show(W)}. Training still moves: ∂L/∂B = (α/r)G(Ax)ᵀ = ${show(g1.dB)} ≠ 0 (x = (1, 2), G = (1, 1)), while ∂L/∂A = ${show(g1.dA)} at step 0.`,
      },
      {
        id: 'peft.lora-init#both-zero',
        verdict: 'confirmed',
        evidence: `A = B = 0: ∂L/∂B = (α/r)G(Ax)ᵀ = ${show(g0.dB)} and ∂L/∂A = (α/r)(BᵀG)xᵀ = ${show(g0.dA)} for every x, G (unit differences agree, identity property), so gradient descent stays at A = B = 0 (002:767 "Zero gradient for A & B").`,
      },
      {
        id: 'peft.lora-init#both-random',
        verdict: 'confirmed',
        evidence: `With both factors drawn from a continuous distribution (Xavier), AB = 0 has probability 0 (an entry of AB is a nonzero polynomial in the draws), so the pre-trained W₀ is perturbed at step 0 (002:769).`,
      },
    ];
  },
};
