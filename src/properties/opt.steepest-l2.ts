/**
 * opt.steepest-l2 — u = argmin_Δ gᵀΔ + ‖Δ‖₂²/α has Δ* = −(α/2)g, with
 * gᵀΔ + ‖Δ‖₂²/α = −α‖g‖₂²/4 + ‖Δ − Δ*‖₂²/α for every Δ (completing the square).
 * Seed 002_606757b0cdfd2eb0.txt, line 166: "\Delta \theta^* = -\frac{\alpha}{2} g"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { objL2, dot } from '../oracles/optimisation.js';
import { smallRational } from './arbitraries.js';

const posRat = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10 })).map(([p, q]) => Rational.of(p, q));
const caseArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  g: fc.array(smallRational(10, 5), { minLength: n, maxLength: n }),
  d: fc.array(smallRational(10, 5), { minLength: n, maxLength: n }),
  alpha: posRat,
}));

export const claim: ClaimModule = {
  id: 'opt.steepest-l2',
  properties: [
    {
      name: 'complete-square',
      kind: 'identity',
      description: 'For every Δ: gᵀΔ + ‖Δ‖²/α − (gᵀΔ* + ‖Δ*‖²/α) = ‖Δ − Δ*‖²/α with Δ* = −αg/2, and the minimum value is −α‖g‖²/4 (so Δ* is the unique minimiser).',
      arbitrary: caseArb,
      runs: 200,
      check: ({ g, d, alpha }) => {
        const star = g.map((v: Rational) => v.mul(alpha).div(Rational.of(2)).neg());
        const vStar = objL2(g, star, alpha);
        const want = dot(g, g).mul(alpha).div(Rational.of(4)).neg();
        if (!vStar.eq(want)) return { ok: false, detail: `u(Δ*) = ${vStar} ≠ −α‖g‖²/4 = ${want}` };
        const diff = d.map((v: Rational, i: number) => v.sub(star[i]!));
        const gap = objL2(g, d, alpha).sub(vStar);
        const sq = dot(diff, diff).div(alpha);
        return gap.eq(sq) ? { ok: true } : { ok: false, detail: `gap ${gap} ≠ ‖Δ − Δ*‖²/α = ${sq}` };
      },
    },
  ],
  audit: () => {
    const g = [Rational.of(3), Rational.of(4)];
    const alpha = Rational.ONE;
    // unsquared penalty along Δ = −t·g/‖g‖ (‖g‖ = 5): gᵀΔ + ‖Δ‖/α = −5t + t
    const vals = [1, 10, 100].map((t) => Rational.of(-5 * t).add(Rational.of(t).div(alpha)).toString());
    return [
      {
        id: 'opt.steepest-l2',
        verdict: 'confirmed',
        evidence: `Typo ("the euclidean distance" for its square; the gradient on the same line fixes the squared penalty), graded on the intended meaning. With the squared penalty d(Δ) = ‖Δ‖₂² (what the gradient g + 2Δ/α at 002:166 differentiates), Δ* = −(α/2)g exactly and the minimum is −α‖g‖²/4. ` +
          `With d = ‖Δ‖₂ itself ("the euclidean distance"), there is no minimiser once α‖g‖₂ > 1: g = (3, 4), α = 1, Δ = −t·g/5 gives objective ${vals.join(', ')} for t = 1, 10, 100.`,
      },
    ];
  },
};
