/**
 * pca.reg-ae — the L2-regularised linear autoencoder
 *   L(W₁, W₂) = (1/n)‖X − W₂W₁X‖²_F + λ‖W₁‖²_F + λ‖W₂‖²_F
 * has, with C = XXᵀ/n = U diag(s) Uᵀ (s descending, s_k > λ), the global minimiser
 *   W₁ = diag(√(1 − λ/s_i))_{i≤k} U_kᵀ,  W₂ = W₁ᵀ,  value Σ_{i≤k}(2λ − λ²/s_i) + Σ_{i>k} s_i
 * (since ‖W₁‖² + ‖W₂‖² ≥ 2‖W₂W₁‖_*). So W₁W₁ᵀ = I − λ diag(1/s_i) ≠ I: the orthogonality the notes
 * conclude holds only approximately (λ ≪ s_k), and W₂W₂ᵀ (m×m, rank ≤ k < m) can never be I.
 * Checked exactly with s_i = λ/(1 − r_i²) for rational r_i, so the square roots are rational.
 * Seed 002_606757b0cdfd2eb0.txt, line 576: "\Rightarrow W_1 W_1^T = I, \quad W_2 W_2^T = I"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { cayley, diag, firstCols, fro2, regLoss, regGrads, regOptimum } from '../oracles/pca.js';

const small = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([a, b]) => Rational.of(a, b));
const mat = (r: number, c: number) => fc.array(fc.array(small, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }).map((a) => QMatrix.from(a));

/** Eigenvalues: top k are λ/(1 − r_i²) with distinct r_i ∈ (0, 1) descending; the rest are s_k·t_j with t_j ∈ (0, 1) descending. */
const dataArb = fc.integer({ min: 2, max: 4 }).chain((m) => fc.record({
  m: fc.constant(m),
  k: fc.integer({ min: 1, max: m - 1 }),
  u: fc.array(small, { minLength: (m * (m - 1)) / 2, maxLength: (m * (m - 1)) / 2 }),
  lambda: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).map(([a, b]) => Rational.of(a, b)),
  r: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: m, maxLength: m }).map((a) => [...a].sort((x, y) => y - x).map((v) => Rational.of(v, 10))),
  t: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: m, maxLength: m }).map((a) => [...a].sort((x, y) => y - x).map((v) => Rational.of(v, 10))),
})).map((d) => {
  const top: Rational[] = d.r.slice(0, d.k).map((ri: Rational) => d.lambda.div(Rational.ONE.sub(ri.mul(ri))));
  const sk = top[d.k - 1]!;
  const s: Rational[] = [...top, ...d.t.slice(0, d.m - d.k).map((tj) => sk.mul(tj))];
  const U = cayley(d.m, d.u);
  const Uk = firstCols(U, d.k);
  const W1 = diag(d.r.slice(0, d.k)).mul(Uk.transpose());
  return { ...d, s, U, Uk, C: U.mul(diag(s)).mul(U.transpose()), W1, W2: W1.transpose() };
});

export const claim: ClaimModule = {
  id: 'pca.reg-ae',
  properties: [
    {
      name: 'stationary-optimum',
      kind: 'identity',
      description: 'At W₁ = diag(√(1 − λ/s_i))U_kᵀ, W₂ = W₁ᵀ both gradients vanish exactly, the loss equals Σ_{i≤k}(2λ − λ²/s_i) + Σ_{i>k}s_i, and W₁W₁ᵀ = I − λ·diag(1/s_i).',
      arbitrary: dataArb,
      runs: 60,
      check: (d) => {
        const { g1, g2 } = regGrads(d.C, d.W1, d.W2, d.lambda);
        const zero = g1.equals(QMatrix.zeros(d.k, d.m)) && g2.equals(QMatrix.zeros(d.m, d.k));
        const L = regLoss(d.C, d.W1, d.W2, d.lambda), opt = regOptimum(d.s, d.k, d.lambda);
        const gram = d.W1.mul(d.W1.transpose()).equals(QMatrix.identity(d.k).sub(diag(d.s.slice(0, d.k).map((si: Rational) => d.lambda.div(si)))));
        return zero && L.eq(opt) && gram ? { ok: true } : { ok: false, detail: `gradients zero ${zero}; loss ${L} vs ${opt}; gram ${gram}` };
      },
    },
    {
      name: 'global-lower-bound',
      kind: 'identity',
      description: 'Arbitrary rational (W₁, W₂), and perturbations (W₁* + E/8, W₂* + F/8) of the optimum, all have loss ≥ the stated optimal value (exact).',
      arbitrary: dataArb.chain((d) => fc.record({ d: fc.constant(d), A: mat(d.k, d.m), B: mat(d.m, d.k), E: mat(d.k, d.m), F: mat(d.m, d.k) })),
      runs: 60,
      check: ({ d, A, B, E, F }) => {
        const opt = regOptimum(d.s, d.k, d.lambda);
        const La = regLoss(d.C, A, B, d.lambda);
        const Lp = regLoss(d.C, d.W1.add(E.scale(Rational.of(1, 8))), d.W2.add(F.scale(Rational.of(1, 8))), d.lambda);
        return La.ge(opt) && Lp.ge(opt) ? { ok: true } : { ok: false, detail: `optimum ${opt}; random ${La}; perturbed ${Lp}` };
      },
    },
    {
      name: 'orthogonal-is-suboptimal',
      kind: 'identity',
      description: 'The orthogonal point W₁ = U_kᵀ, W₂ = U_k (W₁W₁ᵀ = I) has loss exactly optimum + Σ_{i≤k} λ²/s_i > optimum.',
      arbitrary: dataArb,
      runs: 60,
      check: (d) => {
        const L = regLoss(d.C, d.Uk.transpose(), d.Uk, d.lambda), opt = regOptimum(d.s, d.k, d.lambda);
        const gap = Rational.sum(d.s.slice(0, d.k).map((si: Rational) => d.lambda.mul(d.lambda).div(si)));
        return L.eq(opt.add(gap)) && gap.gt(Rational.ZERO) ? { ok: true } : { ok: false, detail: `orthogonal ${L}, optimum ${opt}, gap ${gap}` };
      },
    },
  ],
  audit: () => {
    // m = 2, k = 1, λ = 1, s = (25/9, 1/2): r₁ = 4/5 ⇒ 1 − λ/s₁ = 16/25. U = Cayley(1/2).
    const lambda = Rational.ONE, s = [Rational.of(25, 9), Rational.of(1, 2)];
    const U = cayley(2, [Rational.of(1, 2)]), Uk = firstCols(U, 1);
    const C = U.mul(diag(s)).mul(U.transpose());
    const W1 = diag([Rational.of(4, 5)]).mul(Uk.transpose()), W2 = W1.transpose();
    const opt = regLoss(C, W1, W2, lambda), orth = regLoss(C, Uk.transpose(), Uk, lambda);
    const g = regGrads(C, W1, W2, lambda);
    const zero = g.g1.equals(QMatrix.zeros(1, 2)) && g.g2.equals(QMatrix.zeros(2, 1));
    const eps = Rational.of(2), pinvReg = eps.mul(eps).add(eps.mul(eps).inv()), notes = pinvReg.div(Rational.of(6));
    const W2W2t = Uk.mul(Uk.transpose());
    return [
      {
        id: 'pca.reg-ae',
        verdict: W2W2t.rank() < 2 ? 'refuted' : 'approximate',
        evidence: `002:576 states two things; the most severe part decides. W₂W₂ᵀ = I is impossible for W₂ ∈ ℝ^{m×k}, k < m (#w2-orientation, refuted: at W₂ = U_k, W₂W₂ᵀ has rank ${W2W2t.rank()} < m = 2); ` +
          `W₁W₁ᵀ = I holds only up to O(λ/s_k) at the optimum (#orthogonality, approximate: W₁W₁ᵀ = ${W1.mul(W1.transpose())} for λ = 1, s₁ = 25/9).`,
      },
      {
        id: 'pca.reg-ae#orthogonality',
        verdict: 'approximate',
        evidence: `For L = (1/n)‖X − W₂W₁X‖² + λ‖W₁‖² + λ‖W₂‖² (002:568) the exact minimiser is W₁ = diag(√(1 − λ/s_i))U_kᵀ, W₂ = W₁ᵀ (s_i eigenvalues of XXᵀ/n), so W₁W₁ᵀ = I − λ·diag(1/s_i), not I (002:576): orthogonality holds only up to O(λ/s_k). ` +
          `m = 2, k = 1, λ = 1, s = (25/9, 1/2), U = Cayley(1/2): W₁ = ${W1} (gradients exactly zero: ${zero ? 'yes' : 'no'}), W₁W₁ᵀ = ${W1.mul(W1.transpose())}, loss ${opt}; the orthogonal W₁ = U_kᵀ, W₂ = U_k gives ${orth} (gap λ²/s₁ = 9/25). ` +
          `The balance W₂ = W₁ᵀ does hold at the optimum (the regulariser ‖W₁‖² + ‖W₂‖² ≥ 2‖W₂W₁‖_* is tight only for balanced factors), but W₁, W₂ are not pseudo-inverses of each other (W₁W₂ = ${W1.mul(W2)} ≠ I).`,
      },
      {
        id: 'pca.reg-ae#w2-orientation',
        verdict: 'refuted',
        evidence: `W₂ ∈ ℝ^{m×k} with k < m, so W₂W₂ᵀ is m×m of rank ≤ k and can never equal I_m (002:576); the orthogonality meant is W₂ᵀW₂ = I_k. At the orthogonal point W₂ = U_k of the example, W₂W₂ᵀ = ${W2W2t} (rank ${W2W2t.rank()}), W₂ᵀW₂ = ${Uk.transpose().mul(Uk)}.`,
      },
      {
        id: 'pca.reg-ae#pinv-coefficient',
        verdict: 'refuted',
        evidence: `If W₂ = W₁⁺ and W₁ has singular values ε_i, then λ(‖W₁‖²_F + ‖W₂‖²_F) = λΣ(ε_i² + ε_i⁻²) exactly — coefficient 1, not the 1/6 of 002:574. k = 1, ε = 2, λ = 1: value ${pinvReg}, the notes' expression ${notes}. The conclusion "minimised at ε_i = 1" is unaffected by the factor.`,
      },
    ];
  },
};
