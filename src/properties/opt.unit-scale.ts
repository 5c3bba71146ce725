/**
 * opt.unit-scale — with unit-variance weights and inputs, y = cWx has E‖y‖²_RMS = c²·d_in, so unit scale
 * needs c = 1/√d_in (which gives the variance 1/d_in of Xavier/LeCun init), not c = √d_in.
 * Seed 002_606757b0cdfd2eb0.txt, line 312: "So we can set $c = \sqrt{din}$ to set variance $\frac{1}{din}$ scaled."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { rmsSquaredMomentEnumerated } from '../oracles/optimisation.js';

const shapes: Array<[number, number]> = [[1, 1], [1, 2], [2, 1], [2, 2], [3, 1]];

export const claim: ClaimModule = {
  id: 'opt.unit-scale',
  properties: [
    {
      name: 'scaled-moment',
      kind: 'identity',
      description: 'E‖cWx‖²_RMS = c²·d_in exactly for unit-variance W, x (enumerated); it equals 1 iff c² = 1/d_in.',
      arbitrary: fc.record({ shape: fc.constantFrom(...shapes), c2: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([p, q]) => Rational.of(p, q)) }),
      runs: 30,
      check: ({ shape, c2 }) => {
        const [d1, d2] = shape;
        const e = rmsSquaredMomentEnumerated(d1, d2, Rational.ONE, Rational.ONE).mul(c2);
        const want = c2.mul(Rational.of(d1));
        if (!e.eq(want)) return { ok: false, detail: `E‖cWx‖²_RMS = ${e} ≠ c²·d_in = ${want}` };
        return e.eq(Rational.ONE) === c2.eq(Rational.of(1, d1)) ? { ok: true } : { ok: false, detail: `unit scale at c² = ${c2}, d_in = ${d1}` };
      },
    },
  ],
  audit: () => {
    const din = 3;
    const base = rmsSquaredMomentEnumerated(din, 1, Rational.ONE, Rational.ONE);
    const notes = base.mul(Rational.of(din));
    const right = base.div(Rational.of(din));
    return [
      {
        id: 'opt.unit-scale',
        verdict: right.eq(Rational.ONE) ? 'confirmed' : 'refuted',
        evidence: `Typo (c = √d_in for 1/√d_in; the words "variance 1/din scaled" and 002:316 fix the intended scalar), graded on the intended meaning: y = cWx with W, x unit Gaussian: E‖y‖²_RMS = c²·d_in. d_in = ${din} (exact enumeration): c = √d_in (002:312) gives ${notes} = d_in²; ` +
          `c = 1/√d_in gives ${right}, the same as W ~ N(0, 1/d_in). The bound at 002:316 itself uses the factor 1/√d_in.`,
      },
    ];
  },
};
