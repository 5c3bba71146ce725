/**
 * opt.ns-limit — p(σ) = (3σ − σ³)/2 drives singular values in (0, √3) to 1, but never reaches 1 in finitely
 * many steps from σ ∈ (0, 1) (1 − p(σ) = (1 − σ)²(σ + 2)/2 > 0), and σ > √3 is sent to negative values
 * (σ = 2 ↦ −1, a fixed point): Pⁿ(G) → UVᵀ needs a normalisation ‖G‖₂ < √3.
 * Seed 002_606757b0cdfd2eb0.txt, line 272: "[P^n(G_t) = U P^n(\Sigma) V^T = UV^T] \quad (*)"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { nsScalar } from '../oracles/optimisation.js';

const TWO = Rational.of(2);
const THREE = Rational.of(3);
const unitArb = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.constant(100)).map(([p, q]) => Rational.of(p, q));

export const claim: ClaimModule = {
  id: 'opt.ns-limit',
  properties: [
    {
      name: 'monotone-below-one',
      kind: 'identity',
      description: 'For σ ∈ (0, 1): 1 − p(σ) = (1 − σ)²(σ + 2)/2 and p(σ) − σ = σ(1 − σ²)/2 exactly, so σ < p(σ) < 1: five iterates increase strictly and never equal 1.',
      arbitrary: unitArb,
      runs: 100,
      check: (s0) => {
        let s = s0;
        for (let k = 0; k < 5; k++) {
          const p = nsScalar(s);
          const gap = Rational.ONE.sub(s).pow(2).mul(s.add(TWO)).div(TWO);
          if (!Rational.ONE.sub(p).eq(gap)) return { ok: false, detail: `1 − p(${s}) ≠ (1−σ)²(σ+2)/2` };
          if (!p.sub(s).eq(s.mul(Rational.ONE.sub(s.pow(2))).div(TWO))) return { ok: false, detail: `p(σ) − σ at ${s}` };
          if (!(s.lt(p) && p.lt(Rational.ONE))) return { ok: false, detail: `not σ < p(σ) < 1 at σ = ${s}` };
          s = p;
        }
        return { ok: true };
      },
    },
    {
      name: 'basin',
      kind: 'identity',
      description: 'For rational σ > 0: p(σ) > 0 ⟺ σ² < 3; for 1 < σ < √3, 0 < p(σ) < 1 (so the next iterate is in the monotone regime).',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constant(100)).map(([p, q]) => Rational.of(p, q)),
      runs: 150,
      check: (s) => {
        const p = nsScalar(s);
        if ((p.sign() > 0) !== s.pow(2).lt(THREE)) return { ok: false, detail: `σ = ${s}, p = ${p}` };
        if (s.gt(Rational.ONE) && s.pow(2).lt(THREE) && !(p.sign() > 0 && p.lt(Rational.ONE))) return { ok: false, detail: `σ = ${s}, p = ${p}` };
        return { ok: true };
      },
    },
  ],
  audit: () => {
    const its: string[] = [];
    let s = Rational.of(1, 2);
    for (let k = 0; k < 4; k++) { its.push(s.toString()); s = nsScalar(s); }
    const big = [Rational.of(2), nsScalar(Rational.of(2)), nsScalar(nsScalar(Rational.of(2)))];
    return [
      {
        id: 'opt.ns-limit',
        verdict: 'approximate',
        evidence: `Pⁿ(Σ) = I (002:272) only in the limit: from σ = 1/2 the exact iterates are ${its.join(' → ')} …, and 1 − p(σ) = (1 − σ)²(σ + 2)/2 > 0 on (0, 1), ` +
          `so no finite n reaches 1 unless some iterate is already 1. Convergence also needs every σ < √3 (Muon normalises G first): σ = 2 gives ${big.join(' → ')} ` +
          `— a fixed point at −1, so that direction converges to −u vᵀ, not u vᵀ.`,
      },
    ];
  },
};
