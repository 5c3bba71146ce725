/**
 * opt.steepest-linf — u = argmin_Δ gᵀΔ + ‖Δ‖∞²/α has Δ* = −(α/2)‖g‖₁·sign(g), minimum value −α‖g‖₁²/4.
 * Checked exactly by brute force over the sign vertices {−1, 0, 1}ⁿ of the ℓ∞ ball.
 * Seed 002_606757b0cdfd2eb0.txt, line 180: "u = -\frac{\alpha}{2} \|g\|_1 \cdot \text{sign}(g)"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { objLinf, norm1, linfBruteForce, sign } from '../oracles/optimisation.js';
import { smallRational } from './arbitraries.js';

const posRat = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10 })).map(([p, q]) => Rational.of(p, q));
const caseArb = fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({
  g: fc.array(smallRational(10, 5), { minLength: n, maxLength: n }),
  d: fc.array(smallRational(10, 5), { minLength: n, maxLength: n }),
  alpha: posRat,
}));

const closedForm = (g: Rational[], alpha: Rational): Rational[] => {
  const M = alpha.mul(norm1(g)).div(Rational.of(2));
  return g.map((v) => sign(v).mul(M).neg());
};

export const claim: ClaimModule = {
  id: 'opt.steepest-linf',
  properties: [
    {
      name: 'vertex-brute-force',
      kind: 'identity',
      description: 'The minimum over all 3ⁿ sign patterns s and scales M ≥ 0 of M·gᵀs + M²/α equals −α‖g‖₁²/4 and is attained by Δ* = −(α/2)‖g‖₁ sign(g) (exactly).',
      arbitrary: caseArb,
      runs: 150,
      check: ({ g, alpha }) => {
        const bf = linfBruteForce(g, alpha);
        const star = closedForm(g, alpha);
        const want = norm1(g).pow(2).mul(alpha).div(Rational.of(4)).neg();
        if (!bf.value.eq(want)) return { ok: false, detail: `brute force ${bf.value} ≠ −α‖g‖₁²/4 = ${want}` };
        const v = objLinf(g, star, alpha);
        return v.eq(want) ? { ok: true } : { ok: false, detail: `u(Δ*) = ${v} ≠ ${want}` };
      },
    },
    {
      name: 'lower-bound',
      kind: 'identity',
      description: 'For every Δ (not only vertices): gᵀΔ + ‖Δ‖∞²/α ≥ gᵀΔ* + ‖Δ*‖∞²/α (Hölder: gᵀΔ ≥ −‖g‖₁‖Δ‖∞).',
      arbitrary: caseArb,
      runs: 200,
      check: ({ g, d, alpha }) => {
        const v = objLinf(g, d, alpha);
        const vs = objLinf(g, closedForm(g, alpha), alpha);
        return v.ge(vs) ? { ok: true } : { ok: false, detail: `u(Δ) = ${v} < u(Δ*) = ${vs}` };
      },
    },
  ],
  audit: () => {
    const g = [Rational.of(3), Rational.of(-1), Rational.of(2)];
    const alpha = Rational.ONE;
    const bf = linfBruteForce(g, alpha);
    const star = closedForm(g, alpha);
    const t = Rational.of(10);
    const unsq = g.map((v) => sign(v).mul(t).neg());
    const unsqVal = g.reduce((s, v, i) => s.add(v.mul(unsq[i]!)), Rational.ZERO).add(t.div(alpha));
    return [
      {
        id: 'opt.steepest-linf',
        verdict: 'confirmed',
        evidence: `Typo (a missing square at 002:170; the derivation from 002:172 on uses M²), graded on the intended meaning. 002:170 penalises max_i |Δθ_i| (unsquared); 002:172 silently switches to M². With the squared penalty the result of 002:178–180 is exact: ` +
          `g = (3, −1, 2), α = 1: brute force over all 27 sign vertices gives minimum ${bf.value} = −α‖g‖₁²/4 at Δ = (${bf.delta.join(', ')}); ` +
          `closed form −(α/2)‖g‖₁ sign(g) = (${star.join(', ')}). With the unsquared penalty there is no minimiser when α‖g‖₁ > 1: Δ = −10·sign(g) gives ${unsqVal}, and it decreases linearly in the scale.`,
      },
    ];
  },
};
