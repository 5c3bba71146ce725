/**
 * opt.muon-lr — a Muon update ΔW = α·UVᵀ (U, V with orthonormal columns, rank r ≥ 1) has ‖ΔW‖₂ = α,
 * so the budget ‖ΔW‖₂ ≤ √d_out allows α ≤ √d_out.
 * Seed 002_606757b0cdfd2eb0.txt, line 332: "\|W\|_2 \leq \alpha \|U\|_2 \|V^T\|_2 = \alpha \leq \sqrt{\text{dout}}"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { cayley } from '../oracles/optimisation.js';

const small = fc.integer({ min: -2, max: 2 }).map((v) => Rational.of(v));
function skewArb(n: number): fc.Arbitrary<QMatrix> {
  return fc.array(small, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((u) => {
    const rows: Rational[][] = Array.from({ length: n }, () => new Array(n).fill(Rational.ZERO));
    let k = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) { rows[i]![j] = u[k]!; rows[j]![i] = u[k]!.neg(); k++; }
    return QMatrix.from(rows);
  });
}
const firstCols = (M: QMatrix, r: number): QMatrix => QMatrix.from(M.toArray().map((row) => row.slice(0, r)));
const caseArb = fc.record({ dout: fc.integer({ min: 1, max: 4 }), din: fc.integer({ min: 1, max: 4 }) }).chain(({ dout, din }) => fc.record({
  S1: skewArb(dout), S2: skewArb(din), r: fc.integer({ min: 1, max: Math.min(dout, din) }),
  alpha: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 })).map(([p, q]) => Rational.of(p, q)),
  dout: fc.constant(dout),
}));

/** ‖A‖₂ = 1 exactly iff AᵀA is a non-zero orthogonal projection (idempotent, symmetric). */
function isUnitSpectral(A: QMatrix): boolean {
  const M = A.transpose().mul(A);
  return M.mul(M).equals(M) && !M.equals(QMatrix.zeros(M.rows, M.cols));
}

export const claim: ClaimModule = {
  id: 'opt.muon-lr',
  properties: [
    {
      name: 'unit-spectral-norm',
      kind: 'identity',
      description: 'For rational U, V with orthonormal columns (first r columns of Cayley transforms): (UVᵀ)ᵀ(UVᵀ) = VVᵀ is a non-zero projection, so ‖UVᵀ‖₂ = 1 and ‖αUVᵀ‖₂² = α² ≤ d_out ⟺ α² ≤ d_out.',
      arbitrary: caseArb,
      runs: 100,
      check: ({ S1, S2, r, alpha, dout }) => {
        const U = firstCols(cayley(S1), r);
        const V = firstCols(cayley(S2), r);
        const A = U.mul(V.transpose());
        if (!isUnitSpectral(A)) return { ok: false, detail: 'UVᵀ does not have spectral norm 1' };
        const M = A.scale(alpha).transpose().mul(A.scale(alpha));
        // λ_max(M) = α²: M/α² is a projection
        if (!M.scale(alpha.pow(2).inv()).mul(M.scale(alpha.pow(2).inv())).equals(M.scale(alpha.pow(2).inv()))) return { ok: false, detail: 'scaled' };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const U = firstCols(cayley(QMatrix.from([[0, 1, 0], [-1, 0, 2], [0, -2, 0]])), 2);
    const V = firstCols(cayley(QMatrix.from([[0, 1], [-1, 0]])), 2);
    const A = U.mul(V.transpose());
    return [
      {
        id: 'opt.muon-lr',
        verdict: isUnitSpectral(A) ? 'confirmed' : 'refuted',
        evidence: '‖αUVᵀ‖₂ = α since (UVᵀ)ᵀ(UVᵀ) = VVᵀ is a projection, so ‖ΔW‖₂ ≤ √d_out ⟺ α ≤ √d_out (002:332; "‖W‖₂" there means ‖ΔW‖₂, and the "≤" is an equality). ' +
          `Exact 3×2 example: UVᵀ = ${A.toString()}, (UVᵀ)ᵀ(UVᵀ) = I₂. Compare sign-SGD, whose ‖sign(g)sign(x)ᵀ‖₂ = √(d_in d_out) forces α ≤ 1/√d_in (opt.signsgd-lr).`,
      },
    ];
  },
};
