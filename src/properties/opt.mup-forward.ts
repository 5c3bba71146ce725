/**
 * opt.mup-forward — y = Wx with W ∈ ℝ^{d2×d1}, x ∈ ℝ^{d1}, all entries independent, mean 0,
 * Var w = v_w, Var x = v_x: E y_i² = d1·v_w·v_x and E‖y‖²_RMS = d1·v_w·v_x; with v_w = v_x = 1 this is d1,
 * and W/√d1 (v_w = 1/d1) gives 1.
 * Seed 002_606757b0cdfd2eb0.txt, lines 197–205: "\text{Var}(y_i) = d_1 \cdot \text{Var}(z) \stackrel{*}{=} d_1"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { rmsSquaredMomentEnumerated } from '../oracles/optimisation.js';

const shapes: Array<[number, number]> = [[1, 1], [1, 2], [2, 1], [2, 2], [3, 1]];
const varArb = fc.oneof(
  fc.constant('one' as const),
  fc.constant('fanin' as const),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 })).map(([p, q]) => Rational.of(p, q)),
);
const caseArb = fc.record({ shape: fc.constantFrom(...shapes), vw: varArb, vx: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })).map(([p, q]) => Rational.of(p, q)) });

export const claim: ClaimModule = {
  id: 'opt.mup-forward',
  properties: [
    {
      name: 'rms-moment',
      kind: 'identity',
      description: 'Exact enumeration over all outcomes (three-point laws with the given variances; only second moments enter, so it equals the Gaussian value): E‖Wx‖²_RMS = d1·v_w·v_x; with v_w = 1/d1 and v_x = 1 it is 1.',
      arbitrary: caseArb,
      runs: 30,
      check: ({ shape, vw, vx }) => {
        const [d1, d2] = shape;
        const v = vw === 'one' ? Rational.ONE : vw === 'fanin' ? Rational.of(1, d1) : vw;
        const got = rmsSquaredMomentEnumerated(d1, d2, v, vx);
        const want = Rational.of(d1).mul(v).mul(vx);
        return got.eq(want) ? { ok: true } : { ok: false, detail: `E‖y‖²_RMS = ${got} ≠ d1·v_w·v_x = ${want} (d1 = ${d1}, d2 = ${d2})` };
      },
    },
  ],
  audit: () => {
    const unit = rmsSquaredMomentEnumerated(3, 1, Rational.ONE, Rational.ONE);
    const scaled = rmsSquaredMomentEnumerated(3, 1, Rational.of(1, 3), Rational.ONE);
    const two = rmsSquaredMomentEnumerated(2, 2, Rational.ONE, Rational.ONE);
    return [
      {
        id: 'opt.mup-forward',
        verdict: unit.eq(Rational.of(3)) && scaled.eq(Rational.ONE) ? 'confirmed' : 'refuted',
        evidence: `Var(y_i) = d1 (002:197), E‖y‖²_RMS = d1 (002:201–203), and W ~ N(0, 1/d1) restores 1 (002:205). Exact enumeration: d1 = 3: E‖y‖²_RMS = ${unit}; ` +
          `with Var w = 1/3: ${scaled}; d1 = d2 = 2: ${two}. The y_i share x, so they are uncorrelated but not independent; linearity of expectation is all that is needed.`,
      },
      {
        id: 'opt.mup-forward#rms-index',
        verdict: 'confirmed',
        evidence: 'Typo (an index; 002:186 puts y ∈ ℝ^{d2}), graded on the intended meaning: 002:201 writes ‖y‖²_RMS = (1/d1)Σ_{i=1}^{d1} y_i², but y ∈ ℝ^{d2}: the RMS averages d2 entries, (1/d2)Σ_{i=1}^{d2} y_i². The value d1 is unaffected since every E y_i² = d1.',
      },
      (() => {
        // 002:207: S = tX ⇒ Var(S) = t²Var(X) (exact, on a finite law), beside 002:199's sum rule.
        const xs = [Rational.ONE.neg(), Rational.ZERO, Rational.of(3)], ps = [Rational.of(1, 2), Rational.of(1, 3), Rational.of(1, 6)];
        const variance = (v: Rational[]) => {
          const m = Rational.sum(v.map((x, i) => x.mul(ps[i]!)));
          return Rational.sum(v.map((x, i) => x.sub(m).pow(2).mul(ps[i]!)));
        };
        const t = Rational.of(-3, 2), vx = variance(xs), vs = variance(xs.map((x) => x.mul(t)));
        return {
          id: 'opt.mup-forward#scaling',
          verdict: vs.eq(t.pow(2).mul(vx)) ? 'confirmed' : 'refuted',
          evidence: `Var(tX) = t²Var(X) (002:207) exactly: X ∈ {−1, 0, 3} with probabilities (1/2, 1/3, 1/6), t = −3/2: Var(X) = ${vx}, Var(tX) = ${vs} = t²·Var(X). ` +
            'It does not contradict the sum rule of 002:199 (002:209): a sum of d i.i.d. terms has variance d·Var(X), a d-fold multiple of one term d²·Var(X).',
        } as const;
      })(),
    ];
  },
};
