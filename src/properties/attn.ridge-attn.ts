/**
 * attn.ridge-attn — ridge self-attention (002:633–655): with keys as the rows of A and values as the
 * rows of B, W* = (λI + AᵀA)⁻¹AᵀB (002:651 with λ = 1) minimises ‖AW − B‖²_F + λ‖W‖²_F; AᵀA + λI =
 * λI + Σ_i x_ix_iᵀ and Aᵀy = Σ_i x_iy_i (002:643), so each new (k, v) pair is a rank-one update; the
 * running mean updates as m ← (mn + x_{n+1})/(n + 1) (002:637). The ridge prediction for a query q is
 * W*ᵀq (kᵀW* ≈ vᵀ): the notes' "W*q" (002:647–649) transposes it.
 * Seed 002_606757b0cdfd2eb0.txt, line 651.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';
import { ridgeAttnWeights, gramBySums } from '../oracles/attention.js';
import { qmatArb, qvecArb, showM, prop } from './attn-shared.js';

const ridgeArb = fc.record({ n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 4 }), dv: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, d, dv }) => fc.record({
    A: qmatArb(n, d), B: qmatArb(n, dv), q: qmatArb(d, 1),
    lambda: fc.integer({ min: 1, max: 16 }).map((p) => Rational.of(p, 4)),
  }));

export const claim: ClaimModule = {
  id: 'attn.ridge-attn',
  properties: [
    prop({
      name: 'normal-equations',
      kind: 'identity',
      description: 'W* = (λI + AᵀA)⁻¹AᵀB satisfies the normal equations Aᵀ(AW* − B) + λW* = 0 exactly (it minimises ‖AW − B‖²_F + λ‖W‖²_F; 002:651 is λ = 1).',
      arbitrary: ridgeArb,
      runs: 100,
      check: ({ A, B, lambda }) => {
        const W = ridgeAttnWeights(A, B, lambda);
        const g = A.transpose().mul(A.mul(W).sub(B)).add(W.scale(lambda));
        return g.data.every((x) => x.isZero()) ? { ok: true } : { ok: false, detail: `gradient ${showM(g)}` };
      },
    }),
    prop({
      name: 'sums-of-outer-products',
      kind: 'identity',
      description: 'λI + AᵀA = λI + Σ_i x_ix_iᵀ and AᵀB = Σ_i x_iy_iᵀ (002:643, with vector-valued y_i = v_i), exactly.',
      arbitrary: ridgeArb,
      runs: 100,
      check: ({ A, B, lambda }) => {
        const { G, R } = gramBySums(A, B, lambda);
        const G2 = QMatrix.identity(A.cols).scale(lambda).add(A.transpose().mul(A)), R2 = A.transpose().mul(B);
        return G.equals(G2) && R.equals(R2) ? { ok: true } : { ok: false, detail: `${showM(G)} vs ${showM(G2)}` };
      },
    }),
    prop({
      name: 'prediction-is-transpose',
      kind: 'identity',
      description: 'The ridge prediction for a query q is W*ᵀq = Bᵀ(λI + AAᵀ)⁻¹Aq (push-through; a kernel-weighted sum of the values); W*q differs from it unless W* is symmetric.',
      arbitrary: ridgeArb,
      runs: 100,
      check: ({ A, B, q, lambda }) => {
        const W = ridgeAttnWeights(A, B, lambda);
        const pred = W.transpose().mul(q);
        const dual = B.transpose().mul(QMatrix.identity(A.rows).scale(lambda).add(A.mul(A.transpose())).solve(A.mul(q)));
        if (!pred.equals(dual)) return { ok: false, detail: `W*ᵀq = ${showM(pred)} ≠ Bᵀ(λI + AAᵀ)⁻¹Aq = ${showM(dual)}` };
        if (W.rows === W.cols && W.equals(W.transpose()) && !W.mul(q).equals(pred)) return { ok: false, detail: 'symmetric W* but W*q ≠ W*ᵀq' };
        return { ok: true };
      },
    }),
    prop({
      name: 'running-mean',
      kind: 'identity',
      description: 'm_{n+1} = (n·m_n + x_{n+1})/(n + 1) equals the mean of the first n + 1 vectors exactly (002:637).',
      arbitrary: fc.integer({ min: 1, max: 4 }).chain((d) => fc.array(qvecArb(d), { minLength: 1, maxLength: 8 })),
      runs: 100,
      check: (xs) => {
        let m = xs[0]!;
        for (let n = 1; n < xs.length; n++) m = m.map((mi, c) => mi.mul(Rational.fromInt(n)).add(xs[n]![c]!).div(Rational.fromInt(n + 1)));
        const direct = m.map((_, c) => Rational.sum(xs.map((x) => x[c]!)).div(Rational.fromInt(xs.length)));
        return m.every((x, c) => x.eq(direct[c]!)) ? { ok: true } : { ok: false, detail: `running [${m}] vs direct [${direct}]` };
      },
    }),
  ],
  audit: () => {
    const A = QMatrix.from([[1, 0]]), B = QMatrix.from([[0, 1]]), q = QMatrix.from([[1], [0]]);
    const W = ridgeAttnWeights(A, B, Rational.ONE);
    const g = A.transpose().mul(A.mul(W).sub(B)).add(W);
    return [
      {
        id: 'attn.ridge-attn',
        verdict: g.data.every((x) => x.isZero()) ? 'confirmed' : 'refuted',
        evidence: `W* = (I + AᵀA)⁻¹AᵀB is the minimiser of ‖AW − B‖²_F + ‖W‖²_F (normal equations Aᵀ(AW − B) + W = 0, checked exactly). Instance k₁ = (1, 0), v₁ = (0, 1): W* = ${W.toString()}.`,
      },
      {
        id: 'attn.ridge-attn#sums',
        verdict: 'confirmed',
        evidence: '002:643: AᵀA + λI = λI + Σ_i x_ix_iᵀ and Aᵀy = Σ_i x_iy_i (rows of A are x_iᵀ) — block multiplication, checked exactly (sums-of-outer-products).',
      },
      {
        id: 'attn.ridge-attn#inference-transpose',
        verdict: 'confirmed',
        evidence: `Typo, graded on the intended meaning: 002:647–649 write the inference as W*q, but W* = (I + AᵀA)⁻¹AᵀB (002:651, A = [k_jᵀ], B = [v_jᵀ]) fits kᵀW* ≈ vᵀ, so the prediction is W*ᵀq (a transposition; 002:649's cost O(nd²) is the same either way). With k₁ = (1, 0), v₁ = (0, 1), q = k₁: W*ᵀq = ${W.transpose().mul(q).toString()} (v₁ shrunk by 1/2), W*q = ${W.mul(q).toString()}.`,
      },
      {
        id: 'attn.ridge-attn#complexity',
        verdict: 'confirmed',
        evidence: '002:653–655: forming AᵀA and AᵀB costs nd² multiplications each, the d×d solve O(d³), the n predictions W*ᵀq nd²: O(nd² + d³), which is O(nd²) when n > d (d³ < nd²). True upper bounds.',
      },
    ];
  },
};
