/**
 * attn.sherman-morrison — (M + uvᵀ)⁻¹ = M⁻¹ − (M⁻¹u)(vᵀM⁻¹)/(1 + vᵀM⁻¹u) for invertible M and
 * 1 + vᵀM⁻¹u ≠ 0 (002:659); given M⁻¹ the update costs O(d²) (002:661). The denominator condition is
 * necessary: det(M + uvᵀ) = det(M)(1 + vᵀM⁻¹u) (matrix determinant lemma).
 * Seed 002_606757b0cdfd2eb0.txt, line 659.
 */
import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { QMatrix } from '../numerics/matrix.js';
import { Rational } from '../numerics/rational.js';
import { shermanMorrison } from '../oracles/attention.js';
import { qmatArb, showM, prop } from './attn-shared.js';

const smArb = fc.integer({ min: 1, max: 5 }).chain((d) => fc.record({ M: qmatArb(d, d), u: qmatArb(d, 1), v: qmatArb(d, 1) }))
  .filter(({ M }) => !M.det().isZero());

export const claim: ClaimModule = {
  id: 'attn.sherman-morrison',
  properties: [
    prop({
      name: 'inverse',
      kind: 'identity',
      description: 'For invertible rational M (d ≤ 5) and u, v with 1 + vᵀM⁻¹u ≠ 0, the Sherman–Morrison matrix times M + uvᵀ is the identity exactly.',
      arbitrary: smArb,
      runs: 100,
      check: ({ M, u, v }) => {
        const S = shermanMorrison(M.inverse(), u, v);
        if (S === null) return { ok: true, detail: '1 + vᵀM⁻¹u = 0 (see determinant-lemma)' };
        const P = S.mul(M.add(u.mul(v.transpose())));
        return P.equals(QMatrix.identity(M.rows)) ? { ok: true } : { ok: false, detail: `product ${showM(P)}` };
      },
    }),
    prop({
      name: 'determinant-lemma',
      kind: 'identity',
      description: 'det(M + uvᵀ) = det(M)(1 + vᵀM⁻¹u): the formula’s denominator vanishes exactly when M + uvᵀ is singular (inputs include u = −Mv/(vᵀv), where it does).',
      arbitrary: fc.oneof(smArb, smArb.filter(({ v }) => !v.data.every((x) => x.isZero())).map(({ M, v }) => {
        const vv = v.transpose().mul(v).get(0, 0);
        return { M, v, u: M.mul(v).scale(vv.inv().neg()) };
      })),
      runs: 100,
      check: ({ M, u, v }) => {
        const den = Rational.ONE.add(v.transpose().mul(M.inverse()).mul(u).get(0, 0));
        const lhs = M.add(u.mul(v.transpose())).det(), rhs = M.det().mul(den);
        if (!lhs.eq(rhs)) return { ok: false, detail: `det(M + uvᵀ) = ${lhs}, det(M)(1 + vᵀM⁻¹u) = ${rhs}` };
        return (shermanMorrison(M.inverse(), u, v) === null) === lhs.isZero() ? { ok: true } : { ok: false, detail: 'denominator and singularity disagree' };
      },
    }),
    prop({
      name: 'online-ridge-inverse',
      kind: 'identity',
      description: 'Starting from (λI)⁻¹ and applying one Sherman–Morrison update per key (u = v = k_i) gives (λI + Σ_i k_ik_iᵀ)⁻¹ exactly — the O(d²)-per-token update of ridge attention (002:657–661).',
      arbitrary: fc.record({ d: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 6 }) }).chain(({ d, n }) => fc.record({ K: qmatArb(n, d), lambda: fc.integer({ min: 1, max: 8 }).map((p) => Rational.of(p, 2)) })),
      runs: 100,
      check: ({ K, lambda }) => {
        const d = K.cols;
        let inv = QMatrix.identity(d).scale(lambda.inv());
        let G = QMatrix.identity(d).scale(lambda);
        for (let i = 0; i < K.rows; i++) {
          const k = new QMatrix(d, 1, K.data.slice(i * d, (i + 1) * d));
          const next = shermanMorrison(inv, k, k);
          if (next === null) return { ok: false, detail: `zero denominator at key ${i} (impossible for λ > 0: 1 + kᵀG⁻¹k ≥ 1)` };
          inv = next;
          G = G.add(k.mul(k.transpose()));
        }
        return inv.equals(G.inverse()) ? { ok: true } : { ok: false, detail: `online ${showM(inv)} ≠ direct ${showM(G.inverse())}` };
      },
    }),
  ],
  audit: () => {
    const M = QMatrix.from([[2, 1], [0, 3]]), u = QMatrix.from([[1], [-1]]), v = QMatrix.from([[2], [1]]);
    const S = shermanMorrison(M.inverse(), u, v)!;
    const direct = M.add(u.mul(v.transpose())).inverse();
    const I = QMatrix.identity(2), e = QMatrix.from([[1], [0]]), me = e.scale(-1);
    const singular = I.add(e.mul(me.transpose())).det();
    const d = 1000;
    return [
      {
        id: 'attn.sherman-morrison',
        verdict: S.equals(direct) ? 'confirmed' : 'refuted',
        evidence: `(M + UVᵀ)⁻¹ = M⁻¹ − (M⁻¹U)(VᵀM⁻¹)/(1 + VᵀM⁻¹U) for vectors U, V. Instance M = [[2,1],[0,3]], U = (1, −1), V = (2, 1): formula ${S.toString()} = direct inverse ${direct.toString()}.`,
      },
      {
        id: 'attn.sherman-morrison#denominator',
        verdict: 'confirmed',
        evidence: `Holds only when 1 + VᵀM⁻¹U ≠ 0 (the division presupposes it; the notes do not say it): M = I, U = e₁, V = −e₁ give 1 + VᵀM⁻¹U = 0 and det(M + UVᵀ) = ${singular} — M + UVᵀ is singular (det(M + UVᵀ) = det(M)(1 + VᵀM⁻¹U)).`,
      },
      {
        id: 'attn.sherman-morrison#cost',
        verdict: 'confirmed',
        evidence: `002:661: with M⁻¹ known, M⁻¹U and VᵀM⁻¹ take d² multiplications each, VᵀM⁻¹U d, the outer product and its scaling 2d², the subtraction d²: 4d² + d multiplications — O(d²) (d = ${d}: ${4 * d * d + d}, against ~d³/3 = ${Math.round(d ** 3 / 3)} for a fresh LU).`,
      },
    ];
  },
};
