/**
 * opt.sgd-step-window — scalar SGD with input noise, w_{t+1} = w_t − η(w_t x̃ − y)x̃, x̃ = x + N_t,
 * E N = 0, E N² = σ², N_t independent of w_t: E w_{t+1} = (1 − η(x² + σ²))E w_t + ηxy, so the mean
 * converges iff |1 − η(x² + σ²)| < 1 ⟺ 0 < η < 2/(x² + σ²).
 * Seed 002_606757b0cdfd2eb0.txt, line 114: "|1 - \eta (x^2 + \sigma^2)| < 1, \quad 0 < \eta < \frac{1}{x^2 + \sigma^2}"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { noisySgdMeanStep, distMean, type Dist } from '../oracles/optimisation.js';
import { smallRational } from './arbitraries.js';

const posRat = (n: number, d: number) => fc.tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: d })).map(([p, q]) => Rational.of(p, q));
/** A zero-mean noise law with rational variance: symmetric two- or three-point law. */
const noiseArb: fc.Arbitrary<Dist> = fc.record({ a: posRat(4, 3), b: posRat(4, 3), p: fc.integer({ min: 1, max: 4 }) }).map(({ a, b, p }) => {
  const pa = Rational.of(p, 10);
  const pb = Rational.of(5 - p, 10);
  return { values: [a.neg(), a, b.neg(), b], probs: [pa, pa, pb, pb] };
});
const wArb: fc.Arbitrary<Dist> = fc.array(smallRational(6, 3), { minLength: 1, maxLength: 3 }).map((vs) => ({
  values: vs, probs: vs.map(() => Rational.of(1, vs.length)),
}));

const variance = (d: Dist): Rational => d.values.reduce((s, v, i) => s.add(v.pow(2).mul(d.probs[i]!)), Rational.ZERO);

export const claim: ClaimModule = {
  id: 'opt.sgd-step-window',
  properties: [
    {
      name: 'mean-recursion',
      kind: 'identity',
      description: 'Enumerating the joint law of (w_t, N_t) exactly: E w_{t+1} = (1 − η(x² + σ²))E w_t + ηxy, with σ² = E N² (not 0 as boxed at 002:110).',
      arbitrary: fc.record({ w: wArb, n: noiseArb, x: smallRational(6, 3), y: smallRational(6, 3), eta: posRat(10, 10) }),
      runs: 150,
      check: ({ w, n, x, y, eta }) => {
        const s2 = variance(n);
        const got = noisySgdMeanStep(w, x, y, eta, n).mean;
        const want = Rational.ONE.sub(eta.mul(x.pow(2).add(s2))).mul(distMean(w)).add(eta.mul(x).mul(y));
        return got.eq(want) ? { ok: true } : { ok: false, detail: `E w' = ${got} ≠ ${want}` };
      },
    },
    {
      name: 'window',
      kind: 'identity',
      description: 'For η > 0: |1 − η(x² + σ²)| < 1 ⟺ η < 2/(x² + σ²); every η in [1/(x² + σ²), 2/(x² + σ²)) is outside the notes’ window yet contracts the mean.',
      arbitrary: fc.record({ x: smallRational(6, 3), s2: posRat(9, 4), eta: posRat(30, 10) }),
      runs: 200,
      check: ({ x, s2, eta }) => {
        const c = x.pow(2).add(s2);
        const contracts = Rational.ONE.sub(eta.mul(c)).abs().lt(Rational.ONE);
        const inWindow = eta.lt(Rational.of(2).div(c));
        return contracts === inWindow ? { ok: true } : { ok: false, detail: `η = ${eta}, x² + σ² = ${c}` };
      },
    },
  ],
  audit: () => {
    // x = 1, N = ±1 (σ² = 1), y = 2, η = 3/4 ∈ [1/2, 1): outside the notes' window, mean converges.
    const x = Rational.ONE;
    const y = Rational.of(2);
    const eta = Rational.of(3, 4);
    const n: Dist = { values: [Rational.ONE.neg(), Rational.ONE], probs: [Rational.of(1, 2), Rational.of(1, 2)] };
    let w: Dist = { values: [Rational.ZERO], probs: [Rational.ONE] };
    const means: string[] = [];
    for (let t = 0; t < 6; t++) {
      const r = noisySgdMeanStep(w, x, y, eta, n);
      w = r.next;
      means.push(r.mean.toString());
    }
    const fixed = x.mul(y).div(x.pow(2).add(Rational.ONE));
    const boxed = Rational.ONE.sub(eta.mul(x.pow(2))).mul(Rational.ZERO).add(eta.mul(x).mul(y));
    return [
      {
        id: 'opt.sgd-step-window',
        verdict: 'refuted',
        evidence: `From |1 − η(x² + σ²)| < 1 the window is 0 < η < 2/(x² + σ²), not 1/(x² + σ²) (002:114; the gradient at 002:106 has no factor 2). ` +
          `x = 1, σ² = 1 (N = ±1), y = 2, η = 3/4 (outside the notes' window): factor 1 − η(x² + σ²) = ${Rational.ONE.sub(eta.mul(Rational.of(2)))}, exact means ` +
          `E w_1..E w_6 = ${means.join(', ')} → xy/(x² + σ²) = ${fixed}. The notes' window is sufficient, not necessary.`,
      },
      {
        id: 'opt.sgd-step-window#boxed-zero',
        verdict: 'confirmed',
        evidence: `Typo (002:112 computes the boxed value and 002:114 uses it), graded on the intended meaning: 002:110 boxes E(N_t²) as 0 in E w_{t+1} = E w_t(1 − η(x² + □)) + ηyx; it is σ² (as 002:112 itself computes). Same example: the boxed 0 gives ` +
          `E w_1 = ${boxed} from w_0 = 0 — which agrees only because w_0 = 0; E w_2 with the box 0 would be ${Rational.ONE.sub(eta).mul(boxed).add(eta.mul(x).mul(y))}, exact ${means[1]}.`,
      },
      (() => {
        // 002:106–108 for L = ½(w x̃ − y)², x̃ = x + N_t: the gradient (exact central difference, L is quadratic) and the update, for each N = ±1.
        const w0 = Rational.of(1, 2), h = Rational.ONE;
        const rows = [Rational.ONE.neg(), Rational.ONE].map((N) => {
          const xt = x.add(N), L = (w: Rational) => w.mul(xt).sub(y).pow(2).div(Rational.of(2));
          const grad = L(w0.add(h)).sub(L(w0.sub(h))).div(h.mul(Rational.of(2)));
          const notesGrad = w0.mul(x.pow(2).add(x.mul(N).mul(Rational.of(2))).add(N.pow(2))).sub(y.mul(x.add(N)));
          const step = w0.sub(eta.mul(grad));
          const notesStep = w0.mul(Rational.ONE.sub(eta.mul(x.pow(2).add(x.mul(N).mul(Rational.of(2))).add(N.pow(2))))).add(eta.mul(y).mul(x.add(N)));
          return { N, grad, notesGrad, step, notesStep };
        });
        const ok = rows.every((r) => r.grad.eq(r.notesGrad) && r.step.eq(r.notesStep));
        return {
          id: 'opt.sgd-step-window#update',
          verdict: ok ? 'confirmed' : 'refuted',
          evidence: `The gradient and the update of 002:106–108 hold exactly for L = ½(w x̃ − y)² (the loss their gradient differentiates; no factor 2), x̃ = x + N_t: x = 1, y = 2, w = 1/2, η = 3/4: ` +
            rows.map((r) => `N = ${r.N}: ∂L/∂w = ${r.grad} (exact central difference) = ${r.notesGrad} (002:106), w − η∂L/∂w = ${r.step} = ${r.notesStep} (002:108)`).join('; ') + '.',
        } as const;
      })(),
    ];
  },
};
