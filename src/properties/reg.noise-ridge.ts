/**
 * reg.noise-ridge — with input noise X̃ = X + N, rows N_i of mean 0 and covariance σ²I_n,
 * E‖X̃w − y‖² = ‖Xw − y‖² + mσ²‖w‖² (m samples): training on noisy inputs is ridge with λ = mσ².
 * Only the first two moments of N enter, so the identity is checked exactly with N_ij = ±σ
 * (independent, equally likely), enumerating all 2^{mn} noise matrices.
 * Seed 002_606757b0cdfd2eb0.txt, line 102: "&= \|Xw - y\|_2^2 + m\sigma^2 \|w\|_2^2"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { noisyLossExpectation, matVec, sub, sqNorm, type Mat } from '../oracles/regression.js';
import { smallRational } from './arbitraries.js';

const arb = fc.record({ m: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 2 }) }).chain(({ m, n }) => fc.record({
  X: fc.array(fc.array(smallRational(6, 3), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
  y: fc.array(smallRational(6, 3), { minLength: m, maxLength: m }),
  w: fc.array(smallRational(6, 3), { minLength: n, maxLength: n }),
  sigma: smallRational(5, 4).map((r) => r.abs()),
}));

const rhs = (X: Mat, y: Rational[], w: Rational[], sigma: Rational) =>
  sqNorm(sub(matVec(X, w), y)).add(Rational.fromInt(X.length).mul(sigma.pow(2)).mul(sqNorm(w)));

export const claim: ClaimModule = {
  id: 'reg.noise-ridge',
  properties: [
    {
      name: 'expectation',
      kind: 'identity',
      description: 'E‖(X + N)w − y‖² = ‖Xw − y‖² + mσ²‖w‖² exactly, N with independent ±σ entries (mean 0, covariance σ²I per row), all 2^{mn} noise matrices enumerated.',
      arbitrary: arb,
      runs: 80,
      check: ({ X, y, w, sigma }) => {
        const e = noisyLossExpectation(X, y, w, sigma);
        const r = rhs(X, y, w, sigma);
        return e.eq(r) ? { ok: true } : { ok: false, detail: `E = ${e} ≠ ${r}` };
      },
    },
  ],
  audit: () => {
    const X: Mat = [[1, 2], [0, -1]].map((r) => r.map((v) => Rational.of(v)));
    const y = [1, 3].map((v) => Rational.of(v));
    const w = [2, -1].map((v) => Rational.of(v));
    const s = Rational.of(1, 2);
    return [
      {
        id: 'reg.noise-ridge',
        verdict: 'confirmed',
        evidence: `Exact for every zero-mean noise with covariance σ²I per row (only two moments enter; independence across rows not needed beyond zero mean). ` +
          `Instance X = [1 2; 0 −1], y = (1, 3), w = (2, −1), σ = 1/2: E‖X̃w − y‖² = ${noisyLossExpectation(X, y, w, s)} = ‖Xw − y‖² + mσ²‖w‖² = ${rhs(X, y, w, s)}. ` +
          'So argmin_w E‖X̃w − y‖² is ridge with λ = mσ².',
      },
      {
        id: 'reg.noise-ridge#cross-term-sign',
        verdict: 'confirmed',
        evidence: 'Typo (a sign), graded on the intended meaning: 002:102 expands the square with "− 2E[(N_iᵀw)(X_iᵀw − y_i)]"; the expansion of ((X_i + N_i)ᵀw − y_i)² has + 2(N_iᵀw)(X_iᵀw − y_i). ' +
          'The sign typo is harmless: the term has expectation 0 because E[N_i] = 0, and the final identity is right.',
      },
    ];
  },
};
