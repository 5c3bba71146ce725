/** reg.ridge-solve generators (ridge and the λ = 0 OLS designs): declared class shares, m and n reach their maxima, κ spans ill-conditioned systems. */
import { test, expect } from 'vitest';
import fc from 'fast-check';
import { ridgeArb, ridgeContext, RIDGE_MAX_M, RIDGE_MAX_N } from '../../src/properties/reg.ridge-push-through.js';
import { olsFloatArb } from '../../src/properties/reg.ols.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('reg.ridge-solve: ridge generator classes, shapes, float64-only values', () => {
  const { samples, shares } = sampleTagged(ridgeArb, 321);
  console.log('reg.ridge-solve shares', JSON.stringify(shares));
  expectShares('reg.ridge-solve', shares);
  expect(Math.max(...samples.map((c) => c.X.length))).toBe(RIDGE_MAX_M);
  expect(Math.max(...samples.map((c) => c.X[0]!.length))).toBe(RIDGE_MAX_N);
  expect(samples.some((c) => c.cls === 'wide' && c.X.length < c.X[0]!.length)).toBe(true);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32([...c.X.flat(), ...c.y]))).toBe(true);
});

test('reg.ridge-solve: the ill-conditioned class reaches κ∞(A) ≥ 10⁸', () => {
  const ill = fc.sample(ridgeArb.filter((c) => c.cls === 'ill-conditioned'), { seed: 322, numRuns: 40 });
  const kappas = ill.map((c) => { const ctx = ridgeContext(c); return ctx ? ctx.normA * ctx.normAinv : Infinity; });
  expect(kappas.filter((k) => k >= 1e8).length).toBeGreaterThan(5);
});

test('reg.ridge-solve: the OLS (λ = 0) designs cover every class, up to 64 × 8', () => {
  const { samples, shares } = sampleTagged(olsFloatArb, 323);
  console.log('reg.ols designs shares', JSON.stringify(shares));
  for (const [cls, min] of [['small', 0.3], ['tall', 0.15], ['ill-conditioned', 0.08], ['float64-only', 0.08]] as const) expect(shares[cls] ?? 0, cls).toBeGreaterThanOrEqual(min);
  expect(Math.max(...samples.map((c) => c.X.length))).toBe(RIDGE_MAX_M);
  expect(Math.max(...samples.map((c) => c.X[0]!.length))).toBe(RIDGE_MAX_N);
  expect(samples.every((c) => c.lambda === 0 && c.X.length >= c.X[0]!.length)).toBe(true);
});
