/**
 * opt.gd-scalar — gradient descent on L(w) = (y − σw)²: the update w_{t+1} = (1 − 2ησ²)w_t + 2ησy,
 * its closed form w_t = y/σ + (1 − 2ησ²)^t (w_0 − y/σ), and stability |1 − 2ησ²| < 1 ⟺ 0 < η < 1/σ².
 * Seed 002_606757b0cdfd2eb0.txt, lines 11–21: "$$w_{t+1} = \frac{y}{\sigma} + (1 - 2\eta \sigma^2) (w_0 - \frac{y}{\sigma})$$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { gdScalarStep, gdScalarIterate, gdScalarClosedForm, gdFactor } from '../oracles/optimisation.js';
import { smallRational } from './arbitraries.js';

const nonzero = smallRational(12, 6).filter((q) => !q.isZero());
const posRat = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 })).map(([p, q]) => Rational.of(p, q));
const problem = fc.record({ sigma: nonzero, y: smallRational(12, 6), w0: smallRational(12, 6), eta: posRat, t: fc.integer({ min: 0, max: 8 }) });
const TWO = Rational.of(2);

export const claim: ClaimModule = {
  id: 'opt.gd-scalar',
  properties: [
    {
      name: 'update',
      kind: 'identity',
      description: 'One GD step w − η·dL/dw on L = (y − σw)² equals (1 − 2ησ²)w + 2ησy exactly (002:11).',
      arbitrary: problem,
      runs: 150,
      check: ({ sigma, y, w0, eta }) => {
        const got = gdScalarStep(w0, sigma, y, eta);
        const want = gdFactor(sigma, eta).mul(w0).add(TWO.mul(eta).mul(sigma).mul(y));
        return got.eq(want) ? { ok: true } : { ok: false, detail: `step ${got} ≠ ${want}` };
      },
    },
    {
      name: 'closed-form',
      kind: 'identity',
      description: 'After t exact steps, w_t = y/σ + (1 − 2ησ²)^t (w_0 − y/σ) — with the power t.',
      arbitrary: problem,
      runs: 150,
      check: ({ sigma, y, w0, eta, t }) => {
        const it = gdScalarIterate(w0, sigma, y, eta, t);
        const cf = gdScalarClosedForm(w0, sigma, y, eta, t);
        return it.eq(cf) ? { ok: true } : { ok: false, detail: `w_${t} = ${it} ≠ closed form ${cf}` };
      },
    },
    {
      name: 'stability',
      kind: 'identity',
      description: 'For η > 0: |1 − 2ησ²| < 1 ⟺ η < 1/σ²; and |w_{t+1} − w*| = |1 − 2ησ²|·|w_t − w*| exactly.',
      arbitrary: problem,
      runs: 150,
      check: ({ sigma, y, w0, eta }) => {
        const r = gdFactor(sigma, eta).abs();
        const lhs = r.lt(Rational.ONE);
        const rhs = eta.lt(Rational.ONE.div(sigma.pow(2)));
        if (lhs !== rhs) return { ok: false, detail: `|1 − 2ησ²| = ${r} but η = ${eta}, 1/σ² = ${Rational.ONE.div(sigma.pow(2))}` };
        const ws = y.div(sigma);
        const e0 = w0.sub(ws).abs();
        const e1 = gdScalarStep(w0, sigma, y, eta).sub(ws).abs();
        return e1.eq(r.mul(e0)) ? { ok: true } : { ok: false, detail: `error ${e1} ≠ ${r}·${e0}` };
      },
    },
  ],
  audit: () => {
    const [sigma, y, w0, eta] = [Rational.ONE, Rational.ONE, Rational.ZERO, Rational.of(1, 4)];
    const w2 = gdScalarIterate(w0, sigma, y, eta, 2);
    const w3 = gdScalarIterate(w0, sigma, y, eta, 3);
    const notes = y.div(sigma).add(gdFactor(sigma, eta).mul(w0.sub(y.div(sigma))));
    const etaEdge = Rational.ONE; // η = 1/σ²: factor −1, oscillates
    const osc = [0, 1, 2, 3].map((t) => gdScalarIterate(w0, sigma, y, etaEdge, t).toString()).join(', ');
    return [
      {
        id: 'opt.gd-scalar',
        verdict: [2, 3].every((t) => gdScalarIterate(w0, sigma, y, eta, t).eq(y.div(sigma).add(Array.from({ length: t }, () => gdFactor(sigma, eta)).reduce((a, b) => a.mul(b)).mul(w0.sub(y.div(sigma)))))) ? 'confirmed' : 'refuted',
        evidence: `Typo (a missing exponent; 002:25 uses the power), graded on the intended meaning, which is exact: 002:19 writes w_{t+1} = y/σ + (1 − 2ησ²)(w_0 − y/σ) with no power; the exact closed form is w_t = y/σ + (1 − 2ησ²)^t (w_0 − y/σ). ` +
          `σ = y = 1, w_0 = 0, η = 1/4: the exact iterates are w_2 = ${w2}, w_3 = ${w3}, while the formula as written gives ${notes} for every t.`,
      },
      {
        id: 'opt.gd-scalar#update',
        verdict: 'confirmed',
        evidence: 'The update w_{t+1} = w_t + 2ησ(y − σw_t) = (1 − 2ησ²)w_t + 2ησy (002:11) and the error recursion (002:17) hold exactly.',
      },
      {
        id: 'opt.gd-scalar#stability',
        verdict: 'confirmed',
        evidence: `For η > 0, |1 − 2ησ²| < 1 ⟺ η < 1/σ² (002:21), exactly. At the edge η = 1/σ² (σ = y = 1, w_0 = 0) the iterates oscillate: ${osc}.`,
      },
    ];
  },
};
