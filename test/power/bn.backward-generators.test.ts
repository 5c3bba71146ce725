/** bn.backward generator: declared class shares over 10,000 samples, N reaches 32 and 256, offsets, tiny γ, float64-only values. */
import { test, expect } from 'vitest';
import { bnArb, BN_MAX_N, BN_REALISTIC_N } from '../../src/properties/bn.backward.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('bn.backward: classes, sizes, offsets, tiny γ, float64-only values', () => {
  const { samples, shares } = sampleTagged(bnArb, 4127);
  console.log('bn.backward shares', JSON.stringify(shares));
  expectShares('bn.backward', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const general = samples.filter((c) => c.cls !== 'realistic');
  expect(Math.max(...general.map((c) => c.x.length))).toBe(BN_MAX_N);
  expect(Math.max(...of('realistic').map((c) => c.x.length))).toBe(BN_REALISTIC_N);
  expect(samples.every((c) => c.x.length >= 2 && c.dy.length === c.x.length && c.x.every((r) => r.length === c.gamma.length))).toBe(true);
  expect(of('large-offset').every((c) => c.x.flat().every((v) => Math.abs(v) >= 2 ** 8 / 2 - 16))).toBe(true);
  // tiny γ: below 2⁻¹⁰⁰ (γ·invstd/N is subnormal in float32 when invstd·|γ|/N < 2⁻¹²⁶)
  expect(of('tiny-gamma').every((c) => c.gamma.every((g) => Math.abs(g) < 2 ** -100))).toBe(true);
  expect(of('tiny-gamma').filter((c) => c.gamma.some((g) => g !== 0 && Math.abs(g) < 2 ** -126)).length / of('tiny-gamma').length).toBeGreaterThan(0.3);
  expect(of('float64-only').every((c) => notFloat32([...c.x.flat(), ...c.dy.flat(), ...c.gamma]))).toBe(true);
}, 180_000);
