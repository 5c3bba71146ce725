/** ssm.kernel-conv generators: declared class shares, L and n reach their maxima, float64-only values are not float32. */
import { test, expect } from 'vitest';
import { ssmArb, ssmVsArb, SSM_MAX_L, SSM_MAX_N } from '../../src/properties/ssm.kernel.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('ssm.kernel-conv: conformance generator classes, sizes, float64-only values', () => {
  const { samples, shares } = sampleTagged(ssmArb, 301);
  console.log('ssm.kernel-conv shares', JSON.stringify(shares));
  expectShares('ssm.kernel-conv', shares);
  expect(Math.max(...samples.map((c) => c.u.length))).toBe(SSM_MAX_L);
  expect(Math.max(...samples.map((c) => c.B.length))).toBe(SSM_MAX_N);
  expect(samples.filter((c) => c.cls === 'long-stable' && c.u.length === SSM_MAX_L).length).toBeGreaterThan(50);
  const f64 = samples.filter((c) => c.cls === 'float64-only');
  expect(f64.every((c) => notFloat32([...c.B, ...c.C, c.D, ...c.u]))).toBe(true);
  // exact-integer inputs really are integers with A ∈ {0, ±1}
  expect(samples.filter((c) => c.cls === 'exact-integer').every((c) => [...c.A.flat(), ...c.B, ...c.C, c.D, ...c.u].every(Number.isInteger) && c.A.flat().every((a) => Math.abs(a) <= 1))).toBe(true);
});

test('ssm.kernel-conv: the metamorphic generator keeps the long and float64-only classes', () => {
  const { samples, shares } = sampleTagged(ssmVsArb, 302, 2000);
  expect(Object.keys(shares).sort()).toEqual(['float64-only', 'long-stable', 'small']);
  expect(Math.max(...samples.map((c) => c.u.length))).toBe(SSM_MAX_L);
  expect(samples.every((c) => c.u.length > 0)).toBe(true);
});
