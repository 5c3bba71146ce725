/**
 * opt.ns-identity — for G = UΣVᵀ (U, V orthogonal), the Newton–Schulz cubic P(W) = ½(3I − WWᵀ)W acts on
 * singular values only: P(G) = U p(Σ) Vᵀ with p(σ) = (3σ − σ³)/2, hence Pⁿ(G) = U pⁿ(Σ) Vᵀ; and
 * ½(3I − WWᵀ)W = ½W(3I − WᵀW).
 * Seed 002_606757b0cdfd2eb0.txt, line 272: "G_t = U \Sigma V^T, P(G_t) = U P(\Sigma) V^T"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { nsLeft, nsRight, nsScalar, cayley, rectDiag } from '../oracles/optimisation.js';

const small = fc.integer({ min: -2, max: 2 }).map((v) => Rational.of(v));
function skewArb(n: number): fc.Arbitrary<QMatrix> {
  return fc.array(small, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((u) => {
    const rows: Rational[][] = [];
    let k = 0;
    for (let i = 0; i < n; i++) rows.push(new Array(n).fill(Rational.ZERO));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) { rows[i]![j] = u[k]!; rows[j]![i] = u[k]!.neg(); k++; }
    return QMatrix.from(rows);
  });
}
const sigArb = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 })).map(([p, q]) => Rational.of(p, q));
const caseArb = fc.record({ dout: fc.integer({ min: 1, max: 3 }), din: fc.integer({ min: 1, max: 3 }) }).chain(({ dout, din }) => fc.record({
  S1: skewArb(dout),
  S2: skewArb(din),
  s: fc.array(sigArb, { minLength: Math.min(dout, din), maxLength: Math.min(dout, din) }),
  dout: fc.constant(dout),
  din: fc.constant(din),
}));

export function buildSvd(S1: QMatrix, S2: QMatrix, s: Rational[], dout: number, din: number) {
  const U = cayley(S1);
  const V = cayley(S2);
  return { U, V, G: U.mul(rectDiag(dout, din, s)).mul(V.transpose()) };
}

export const claim: ClaimModule = {
  id: 'opt.ns-identity',
  properties: [
    {
      name: 'svd-equivariance',
      kind: 'identity',
      description: 'For rational orthogonal U, V (Cayley transforms, orthogonality checked) and rational Σ: P(UΣVᵀ) = U p(Σ) Vᵀ and P(P(G)) = U p(p(Σ)) Vᵀ exactly; left and right forms agree.',
      arbitrary: caseArb,
      runs: 60,
      check: ({ S1, S2, s, dout, din }) => {
        const { U, V, G } = buildSvd(S1, S2, s, dout, din);
        if (!U.transpose().mul(U).equals(QMatrix.identity(dout)) || !V.transpose().mul(V).equals(QMatrix.identity(din))) return { ok: false, detail: 'Cayley transform not orthogonal' };
        const P1 = nsLeft(G);
        const want1 = U.mul(rectDiag(dout, din, s.map(nsScalar))).mul(V.transpose());
        if (!P1.equals(want1)) return { ok: false, detail: `P(G) ≠ U p(Σ) Vᵀ for σ = [${s.join(', ')}]` };
        if (!nsRight(G).equals(P1)) return { ok: false, detail: 'left and right forms differ' };
        const P2 = nsLeft(P1);
        const want2 = U.mul(rectDiag(dout, din, s.map((v: Rational) => nsScalar(nsScalar(v))))).mul(V.transpose());
        return P2.equals(want2) ? { ok: true } : { ok: false, detail: 'P²(G) ≠ U p²(Σ) Vᵀ' };
      },
    },
  ],
  audit: () => {
    const S1 = QMatrix.from([[0, 1], [-1, 0]]);
    const S2 = QMatrix.from([[0, 2], [-2, 0]]);
    const s = [Rational.of(1, 2), Rational.of(1, 4)];
    const { U, V, G } = buildSvd(S1, S2, s, 2, 2);
    const ok = nsLeft(G).equals(U.mul(rectDiag(2, 2, s.map(nsScalar))).mul(V.transpose()));
    return [
      {
        id: 'opt.ns-identity',
        verdict: ok ? 'confirmed' : 'refuted',
        evidence: `P(W) = ½(3I − WWᵀ)W is an odd matrix polynomial, so P(UΣVᵀ) = U p(Σ)Vᵀ with p(σ) = (3σ − σ³)/2 (002:272). Exact example: U = Cayley([[0,1],[−1,0]]) = ` +
          `${U.toString()}, V = Cayley([[0,2],[−2,0]]), Σ = diag(1/2, 1/4): P(G) has singular values ${s.map(nsScalar).join(', ')} in the same singular vectors. ` +
          `The "= UVᵀ" in (*) holds only in the limit n → ∞ and only for 0 < σ < √3: see opt.ns-limit.`,
      },
    ];
  },
};
