/**
 * opt.gd-optimal-step — the step size minimising the worst-coordinate contraction
 * ρ(η) = max_i |1 − 2ησ_i²| of GD on ‖y − Σw‖², Σ diagonal, is η* = 1/(σ_max² + σ_min²), with
 * ρ(η*) = (σ_max² − σ_min²)/(σ_max² + σ_min²) — for two singular values and equally for k.
 * Seed 002_606757b0cdfd2eb0.txt, lines 36–42: "\eta' = \frac{1}{\sigma_1^2 + \sigma_s^2}" and "Not exactly, hard to tell".
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { contraction, bestStepByBreakpoints } from '../oracles/optimisation.js';

const sArb = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 })).map(([p, q]) => Rational.of(p, q));
const caseArb = (kmin: number, kmax: number) => fc.integer({ min: kmin, max: kmax }).chain((k) => fc.record({
  s: fc.array(sArb, { minLength: k, maxLength: k }),
  eta: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })).map(([p, q]) => Rational.of(p, q)),
}));

function extremes(s: Rational[]): { a: Rational; b: Rational } {
  const sq = s.map((v) => v.pow(2));
  return { a: sq.reduce((m, v) => Rational.max(m, v)), b: sq.reduce((m, v) => Rational.min(m, v)) };
}

function checkOptimal(s: Rational[], eta: Rational) {
  const { a, b } = extremes(s);
  const etaStar = Rational.ONE.div(a.add(b));
  const rhoStar = a.sub(b).div(a.add(b));
  const best = bestStepByBreakpoints(s);
  if (!best.rho.eq(rhoStar)) return { ok: false, detail: `min ρ over breakpoints ${best.rho} ≠ (a−b)/(a+b) = ${rhoStar}` };
  if (!contraction(s, etaStar).eq(rhoStar)) return { ok: false, detail: `ρ(η*) = ${contraction(s, etaStar)} ≠ ${rhoStar}` };
  if (contraction(s, eta).lt(rhoStar)) return { ok: false, detail: `ρ(${eta}) = ${contraction(s, eta)} < ρ(η*) = ${rhoStar}` };
  if (!eta.eq(etaStar) && !a.eq(b) && !contraction(s, eta).gt(rhoStar)) return { ok: false, detail: `η* not the unique minimiser: ρ(${eta}) = ${rhoStar}` };
  return { ok: true };
}

export const claim: ClaimModule = {
  id: 'opt.gd-optimal-step',
  properties: [
    {
      name: 'two-by-two',
      kind: 'identity',
      description: 'k = 2: η* = 1/(σ_1² + σ_2²) attains the exact minimum (over all breakpoints of the piecewise-linear ρ) (σ_1² − σ_2²)/(σ_1² + σ_2²), and no other η > 0 does better.',
      arbitrary: caseArb(2, 2),
      runs: 150,
      check: ({ s, eta }) => checkOptimal(s, eta),
    },
    {
      name: 'k-by-k',
      kind: 'identity',
      description: 'Any k ≤ 6: the same formula with σ_max, σ_min is exactly optimal (intermediate σ_i never bind).',
      arbitrary: caseArb(1, 6),
      runs: 150,
      check: ({ s, eta }) => checkOptimal(s, eta),
    },
  ],
  audit: () => {
    const s = [Rational.of(2), Rational.of(3, 2), Rational.ONE, Rational.of(1, 2)];
    const best = bestStepByBreakpoints(s);
    const { a, b } = extremes(s);
    const two = bestStepByBreakpoints([Rational.of(2), Rational.of(1, 2)]);
    return [
      {
        id: 'opt.gd-optimal-step',
        verdict: two.eta.eq(Rational.ONE.div(Rational.of(4).add(Rational.of(1, 4)))) ? 'confirmed' : 'refuted',
        evidence: `Equating |1 − 2ησ_1²| = |1 − 2ησ_s²| gives η' = 1/(σ_1² + σ_s²) (002:38), the exact minimiser of max_i |1 − 2ησ_i²|. ` +
          `σ = (2, 1/2): exact minimum over all breakpoints at η = ${two.eta}, ρ = ${two.rho} = (κ − 1)/(κ + 1), κ = σ_1²/σ_s² = 16.`,
      },
      {
        id: 'opt.gd-optimal-step#k-by-k',
        verdict: best.eta.eq(Rational.ONE.div(a.add(b))) ? 'refuted' : 'confirmed',
        evidence: `002:42 ("η' = 1/(σ_1² + σ_s²)? Not exactly, hard to tell") for k×k diagonal Σ: it is exactly that formula with σ_max and σ_min, since ` +
          `ρ(η) = max(1 − 2ησ_min², 2ησ_max² − 1) for the contraction and the middle σ_i never bind. σ = (2, 3/2, 1, 1/2): exact argmin over all breakpoints ` +
          `η = ${best.eta} = 1/(σ_max² + σ_min²), ρ = ${best.rho}.`,
      },
    ];
  },
};
