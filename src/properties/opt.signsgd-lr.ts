/**
 * opt.signsgd-lr — sign update ΔW = α·sign(g xᵀ) = α·sign(g)sign(x)ᵀ (rank one) has
 * ‖ΔW‖₂ = α√(d_in·d_out) (g, x without zero entries); the constraint ‖ΔW‖₂ ≤ √d_out therefore
 * requires α ≤ 1/√d_in — not α = √d_in.
 * Seed 002_606757b0cdfd2eb0.txt, line 324: "\alpha \sqrt{din \cdot dout} = \sqrt{dout} \therefore \alpha = \sqrt{din}"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { spectralNormSqRankOne, sign } from '../oracles/optimisation.js';
import { smallRational } from './arbitraries.js';

const nz = smallRational(9, 4).filter((q) => !q.isZero());
const caseArb = fc.record({ dout: fc.integer({ min: 1, max: 5 }), din: fc.integer({ min: 1, max: 5 }) }).chain(({ dout, din }) => fc.record({
  g: fc.array(nz, { minLength: dout, maxLength: dout }),
  x: fc.array(nz, { minLength: din, maxLength: din }),
  alpha: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([p, q]) => Rational.of(p, q)),
}));

function signUpdate(g: Rational[], x: Rational[], alpha: Rational): QMatrix {
  return QMatrix.from(g.map((gi) => x.map((xj) => sign(gi.mul(xj)).mul(alpha))));
}

export const claim: ClaimModule = {
  id: 'opt.signsgd-lr',
  properties: [
    {
      name: 'rank-one-norm',
      kind: 'identity',
      description: 'sign(g xᵀ) = sign(g)sign(x)ᵀ entrywise, it has rank 1, and ‖α·sign(g xᵀ)‖₂² = α²·d_in·d_out exactly (λ_max of AᵀA = its trace).',
      arbitrary: caseArb,
      runs: 150,
      check: ({ g, x, alpha }) => {
        const A = signUpdate(g, x, alpha);
        for (let i = 0; i < g.length; i++) for (let j = 0; j < x.length; j++) {
          if (!A.get(i, j).eq(sign(g[i]!).mul(sign(x[j]!)).mul(alpha))) return { ok: false, detail: `entry (${i}, ${j})` };
        }
        const n2 = spectralNormSqRankOne(A);
        const want = alpha.pow(2).mul(Rational.of(g.length * x.length));
        return n2.eq(want) ? { ok: true } : { ok: false, detail: `‖ΔW‖₂² = ${n2} ≠ α²·d_in·d_out = ${want}` };
      },
    },
    {
      name: 'lr-bound',
      kind: 'identity',
      description: '‖α·sign(g xᵀ)‖₂ ≤ √d_out ⟺ α² ≤ 1/d_in (exact, squared); α = √d_in satisfies it only when d_in = 1.',
      arbitrary: caseArb,
      runs: 150,
      check: ({ g, x, alpha }) => {
        const ok = spectralNormSqRankOne(signUpdate(g, x, alpha)).le(Rational.of(g.length));
        const pred = alpha.pow(2).le(Rational.of(1, x.length));
        if (ok !== pred) return { ok: false, detail: `α = ${alpha}, d_in = ${x.length}` };
        const notes = spectralNormSqRankOne(signUpdate(g, x, Rational.ONE)).mul(Rational.of(x.length)); // α² = d_in
        return notes.le(Rational.of(g.length)) === (x.length === 1) ? { ok: true } : { ok: false, detail: `α² = d_in gives ‖ΔW‖₂² = ${notes}` };
      },
    },
  ],
  audit: () => {
    const dout = 3;
    const din = 4;
    const g = [1, -2, 3].map((v) => Rational.of(v));
    const x = [2, -1, 1, -3].map((v) => Rational.of(v));
    const S2 = spectralNormSqRankOne(signUpdate(g, x, Rational.ONE));
    const notes = S2.mul(Rational.of(din));
    const right = S2.div(Rational.of(din));
    return [
      {
        id: 'opt.signsgd-lr',
        verdict: notes.le(Rational.of(dout)) ? 'confirmed' : 'refuted',
        evidence: `‖α·sign(g)sign(x)ᵀ‖₂ = α√(d_in·d_out) = √d_out solves to α = 1/√d_in, not √d_in (002:324). d_out = ${dout}, d_in = ${din}: ‖sign(g xᵀ)‖₂² = ${S2} exactly; ` +
          `α = √d_in gives ‖ΔW‖₂² = ${notes} (vs the budget d_out = ${dout}); α = 1/√d_in gives ${right}. The "≤" of 002:324 is an equality for g, x without zeros.`,
      },
    ];
  },
};
