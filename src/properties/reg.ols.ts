/**
 * reg.ols — the least-squares estimate is β̂ = (XᵀX)⁻¹Xᵀy (X of full column rank): ∂L/∂β = 0 gives
 * the normal equations Xᵀ(y − Xβ̂) = 0 (the residual is orthogonal to Col(X): Xβ̂ is the projection
 * of y), and L(β̂ + d) = L(β̂) + ‖Xd‖² so β̂ is the unique minimiser.
 * Seed 000_1c190711b4cfcedd.txt, line 279: "Get $\hat{\beta} = (X^T X)^{-1} X^T y$."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { QMatrix } from '../numerics/matrix.js';
import { ols, rss, matVec, sub, sqNorm, addV, fullColumnRank, col, flat, type Mat } from '../oracles/regression.js';
import { checkRidge, blockMatrix, RIDGE_MAX_M, RIDGE_MAX_N, type RidgeCase } from './reg.ridge-push-through.js';
import { classes, sizeUpTo, f64Full, f32Block, type Tagged, fixedArray } from './gen-helpers.js';
import { f32, f32Mixed, matrix, smallRational } from './arbitraries.js';

const small = fc.integer({ min: -6, max: 6 }).map((v) => Rational.of(v));

export const olsDesignArb = fc.record({ n: fc.integer({ min: 1, max: 4 }), extra: fc.integer({ min: 0, max: 3 }) })
  .chain(({ n, extra }) => fc.record({
    X: fc.array(fc.array(small, { minLength: n, maxLength: n }), { minLength: n + extra, maxLength: n + extra }),
    y: fc.array(smallRational(9, 4), { minLength: n + extra, maxLength: n + extra }),
    d: fc.array(smallRational(5, 3), { minLength: n, maxLength: n }),
  }))
  .filter(({ X }) => fullColumnRank(X));

/** Dyadic entries k/8 (exact in float32, no underflow in XᵀX). */
const dyadic = fc.integer({ min: -40, max: 40 }).map((k) => k / 8);

const fullRank = (c: RidgeCase): boolean => fullColumnRank(c.X.map((r) => r.map((v) => Rational.fromFloat64(v))));

/**
 * Full-column-rank designs for the conformance check through `reg.ridge-solve` with λ = 0 (weights /20):
 * - small: m = n + 0..3 ≤ 7, n 1–4, entries k/8 (|k| ≤ 40), y dyadic or mixed float32;
 * - tall: m 16–64, n 2–8 (both maxima reached), float32 entries in [−2, 2];
 * - ill-conditioned: nearly collinear columns (κ(XᵀX) up to ~10¹²; float32 runs mostly ill-posed, accepted);
 * - float64-only: m 2–24, n 1–5, full 53-bit entries (rounded in float32 runs).
 * The small class is filtered to full column rank (exactly); in the others a rank-deficient design (columns
 * that rounded together) is vanishingly rare and accepts any outcome, as do inputs ill-posed in the run's
 * dtype (κ∞(XᵀX)·ε ≥ 1, `ridgeIllPosed`).
 */
export const olsFloatArb: fc.Arbitrary<Tagged<RidgeCase>> = classes<RidgeCase>([
  {
    name: 'small', weight: 9,
    arb: fc.record({ n: fc.integer({ min: 1, max: 4 }), extra: fc.integer({ min: 0, max: 3 }) })
      .chain(({ n, extra }) => fc.record({ X: matrix(n + extra, n, dyadic), y: fixedArray(n + extra, fc.oneof(dyadic, f32Mixed(8))), lambda: fc.constant(0) })).filter(fullRank),
  },
  {
    name: 'tall', weight: 5,
    arb: fc.record({ m: sizeUpTo(16, RIDGE_MAX_M, 4), n: sizeUpTo(2, RIDGE_MAX_N, 4) })
      .chain(({ m, n }) => fc.record({ X: blockMatrix(m, n, 2), y: f32Block(m, 4), lambda: fc.constant(0) })),
  },
  {
    name: 'ill-conditioned', weight: 3,
    arb: fc.record({ m: fc.integer({ min: 8, max: 32 }), n: fc.integer({ min: 2, max: 5 }) })
      .chain(({ m, n }) => fc.record({
        X: fc.tuple(fixedArray(m, f32(1)), fixedArray(n, fc.integer({ min: 6, max: 18 })), fixedArray(m, fixedArray(n, f32(1))))
          .map(([b, ks, noise]) => b.map((bi, i) => ks.map((k, j) => (j === 0 ? bi : Math.fround(bi + noise[i]![j]! * 2 ** -k))))),
        y: fixedArray(m, f32(4)), lambda: fc.constant(0),
      })),
  },
  {
    name: 'float64-only', weight: 3,
    arb: fc.record({ n: fc.integer({ min: 1, max: 5 }), m: fc.integer({ min: 0, max: 19 }) })
      .chain(({ n, m }) => fc.record({ X: matrix(n + m, n, f64Full(-3, 2)), y: fixedArray(n + m, f64Full(-3, 3)), lambda: fc.constant(0) })),
  },
]);

export const claim: ClaimModule = {
  id: 'reg.ols',
  properties: [
    {
      name: 'normal-equations',
      kind: 'identity',
      description: 'For every full-column-rank rational X, β̂ = (XᵀX)⁻¹Xᵀy has residual orthogonal to every column of X (Xᵀ(y − Xβ̂) = 0), i.e. Xβ̂ is the projection of y onto Col(X).',
      arbitrary: olsDesignArb,
      runs: 120,
      check: ({ X, y }) => {
        const b = ols(X, y);
        const r = sub(y, matVec(X, b));
        const g = flat(QMatrix.from(X).transpose().mul(col(r)));
        return g.every((v) => v.isZero()) ? { ok: true } : { ok: false, detail: `Xᵀr = [${g.join(', ')}]` };
      },
    },
    {
      name: 'minimiser',
      kind: 'identity',
      description: 'RSS(β̂ + d) = RSS(β̂) + ‖Xd‖² exactly for every rational direction d, so β̂ is the unique minimiser when X has full column rank.',
      arbitrary: olsDesignArb,
      runs: 120,
      check: ({ X, y, d }) => {
        const b = ols(X, y);
        const lhs = rss(X, y, addV(b, d));
        const rhs = rss(X, y, b).add(sqNorm(matVec(X, d)));
        return lhs.eq(rhs) ? { ok: true } : { ok: false, detail: `RSS(β̂+d) = ${lhs} ≠ ${rhs}` };
      },
    },
    {
      name: 'conformance',
      kind: 'conformance',
      description: 'The implementation’s `reg.ridge-solve` with λ = 0 on a full-column-rank design (small, tall up to 64×8, ill-conditioned and float64-only classes) is within the a-posteriori ridge bound (normal equations or least squares, any standard solver) of the exact OLS β̂; inputs ill-posed in the run’s dtype accept any outcome.',
      arbitrary: olsFloatArb,
      ops: ['reg.ridge-solve'],
      runs: 60,
      check: (c, impl) => checkRidge(c, impl!),
    },
  ],
  audit: () => {
    const X: Mat = [[1, 0], [1, 1], [1, 2], [1, 3]].map((r) => r.map((v) => Rational.of(v)));
    const y = [1, 3, 2, 5].map((v) => Rational.of(v));
    const b = ols(X, y);
    const collinear: Mat = [[1, 2], [2, 4], [3, 6]].map((r) => r.map((v) => Rational.of(v)));
    const G = QMatrix.from(collinear);
    return [
      {
        id: 'reg.ols',
        verdict: 'confirmed',
        evidence: `β̂ = (XᵀX)⁻¹Xᵀy solves the normal equations and is the unique minimiser when X has full column rank (RSS(β̂+d) = RSS(β̂) + ‖Xd‖², checked exactly). ` +
          `Exact instance: X = [1 0; 1 1; 1 2; 1 3], y = (1, 3, 2, 5) → β̂ = (${b.join(', ')}), RSS = ${rss(X, y, b)}. ` +
          `The notes do not state the rank condition: for X = [1 2; 2 4; 3 6], det(XᵀX) = ${G.transpose().mul(G).det()}, the inverse does not exist and the minimiser is not unique.`,
      },
    ];
  },
};
