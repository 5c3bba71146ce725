/**
 * reg.min-norm — for Xw = y with X ∈ R^{n×d} of full row rank (d > n), w* = Xᵀ(XXᵀ)⁻¹y solves the
 * system and is its minimum-norm solution: every solution is w* + z with Xz = 0, and
 * ‖w* + z‖² = ‖w*‖² + ‖z‖² because w* ∈ Row(X) ⊥ Null(X).
 * Seed 002_606757b0cdfd2eb0.txt, line 56: "Assume $w_0 = 0$, we know $w^* = X^T(XX^T)^{-1}y$"
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { minNorm, nullSpace, matVec, sqNorm, addV, type Mat } from '../oracles/regression.js';
import { smallRational } from './arbitraries.js';

const small = fc.integer({ min: -5, max: 5 }).map((v) => Rational.of(v));

const arb = fc.record({ n: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, extra }) => fc.record({
    X: fc.array(fc.array(small, { minLength: n + extra, maxLength: n + extra }), { minLength: n, maxLength: n }),
    y: fc.array(smallRational(9, 4), { minLength: n, maxLength: n }),
    coef: fc.array(smallRational(5, 3), { minLength: extra, maxLength: extra }),
  }))
  .filter(({ X }) => QMatrix.from(X).rank() === X.length);

export const claim: ClaimModule = {
  id: 'reg.min-norm',
  properties: [
    {
      name: 'solves',
      kind: 'identity',
      description: 'For every full-row-rank rational X (d > n), Xw* = y exactly.',
      arbitrary: arb,
      runs: 120,
      check: ({ X, y }) => {
        const w = minNorm(X, y);
        const r = matVec(X, w);
        return r.every((v, i) => v.eq(y[i]!)) ? { ok: true } : { ok: false, detail: `Xw* = [${r.join(', ')}] ≠ y` };
      },
    },
    {
      name: 'pythagoras',
      kind: 'identity',
      description: 'For every null-space vector z (a rational combination of an exact null-space basis), w* + z also solves Xw = y and ‖w* + z‖² = ‖w*‖² + ‖z‖², so w* has the least norm.',
      arbitrary: arb,
      runs: 120,
      check: ({ X, y, coef }) => {
        const w = minNorm(X, y);
        const basis = nullSpace(X);
        const z = basis.reduce((acc, b, k) => addV(acc, b.map((v) => v.mul(coef[k] ?? Rational.ZERO))), w.map(() => Rational.ZERO));
        const v = addV(w, z);
        const solves = matVec(X, v).every((q, i) => q.eq(y[i]!));
        const pyth = sqNorm(v).eq(sqNorm(w).add(sqNorm(z)));
        return solves && pyth ? { ok: true } : { ok: false, detail: `solves: ${solves}, ‖w*+z‖² = ${sqNorm(v)}, ‖w*‖²+‖z‖² = ${sqNorm(w).add(sqNorm(z))}` };
      },
    },
  ],
  audit: () => {
    const X: Mat = [[1, 2, 0], [0, 1, 1]].map((r) => r.map((v) => Rational.of(v)));
    const y = [3, 1].map((v) => Rational.of(v));
    const w = minNorm(X, y);
    const other = [Rational.of(1), Rational.of(1), Rational.of(0)];
    return [
      {
        id: 'reg.min-norm',
        verdict: 'confirmed',
        evidence: `w* = Xᵀ(XXᵀ)⁻¹y is exact and minimum-norm whenever X has full row rank (XXᵀ invertible). Instance X = [1 2 0; 0 1 1], y = (3, 1): ` +
          `w* = (${w.join(', ')}), ‖w*‖² = ${sqNorm(w)}; another solution (1, 1, 0) has ‖·‖² = ${sqNorm(other)}. ` +
          `The notes' "full rank, d > n" must be read as full row rank n; their later step 002:60–62 is garbled but only restates w* ∈ Row(X).`,
      },
    ];
  },
};
