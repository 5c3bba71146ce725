/** opt.gd-steps generator: declared class shares, k and steps reach their maxima, exact-dyadic inputs mostly certified exact. */
import { test, expect } from 'vitest';
import { gdStepsArb, gdStepsExpected, GD_MAX_K, GD_MAX_STEPS } from '../../src/properties/opt.gd-diagonal.js';
import { precisionOf } from '../../src/numerics/bounds.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('opt.gd-steps: classes, sizes, float64-only values, certified exact-dyadic inputs', () => {
  const { samples, shares } = sampleTagged(gdStepsArb, 331);
  console.log('opt.gd-steps shares', JSON.stringify(shares));
  expectShares('opt.gd-steps', shares);
  expect(Math.max(...samples.map((c) => c.sigma.length))).toBe(GD_MAX_K);
  expect(Math.max(...samples.map((c) => c.steps))).toBe(GD_MAX_STEPS);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32([...c.sigma, ...c.y, ...c.w0, c.eta]))).toBe(true);
  // most exact-dyadic inputs are certified exact in float32 (every coordinate), so the check demands zero error on them
  const dy = samples.filter((c) => c.cls === 'exact-dyadic').slice(0, 500);
  const p = precisionOf({ dtype: 'float32' });
  const certified = dy.filter((c) => gdStepsExpected(c, p).exactIn.every(Boolean)).length / dy.length;
  console.log('opt.gd-steps exact-dyadic certified share (float32)', certified);
  expect(certified).toBeGreaterThan(0.5);
});
