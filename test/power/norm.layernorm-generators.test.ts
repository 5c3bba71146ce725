/** norm.layernorm generator: declared class shares over 10,000 samples, D reaches 64 and 4096, offsets, exact-friendly rows, float64-only values. */
import { test, expect } from 'vitest';
import { layerNormArb, LAYERNORM_MAX_D, LAYERNORM_REALISTIC_D } from '../../src/properties/norm.layernorm.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('norm.layernorm: classes, sizes, offsets, exact-friendly rows, float64-only values', () => {
  const { samples, shares } = sampleTagged(layerNormArb, 3109);
  console.log('norm.layernorm shares', JSON.stringify(shares));
  expectShares('norm.layernorm', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const D = (c: { gamma: number[] }) => c.gamma.length;
  const general = samples.filter((c) => c.cls !== 'realistic' && c.cls !== 'exact-friendly');
  expect(Math.max(...general.map(D))).toBe(LAYERNORM_MAX_D);
  expect(Math.min(...of('realistic').map(D))).toBeGreaterThanOrEqual(768);
  expect(Math.max(...of('realistic').map(D))).toBe(LAYERNORM_REALISTIC_D);
  expect(Math.max(...of('exact-friendly').map(D))).toBe(LAYERNORM_REALISTIC_D);
  expect(samples.every((c) => c.x.every((r) => r.length === D(c)) && c.beta.length === D(c))).toBe(true);
  // large offsets: every entry at least 2^11 − 32 in magnitude, spread ≤ 64
  expect(of('large-offset').every((c) => c.x.every((r) => Math.min(...r.map(Math.abs)) >= 2 ** 11 - 32 && Math.max(...r) - Math.min(...r) <= 64))).toBe(true);
  // exact-friendly: integer rows with sum 0, D a power of two, σ² + ε = s² for a dyadic s with < 12 bits (s·2^11 an integer < 2^12·2^11)
  for (const c of of('exact-friendly')) {
    const r = c.x[0]!;
    expect(r.every(Number.isInteger) && r.reduce((a, b) => a + b, 0) === 0 && Number.isInteger(Math.log2(r.length))).toBe(true);
    const s2 = r.reduce((a, v) => a + v * v, 0) / r.length + c.eps;
    const s = Math.sqrt(s2);
    expect(s * s).toBe(s2);
    expect(Number.isInteger(s * 2 ** 11)).toBe(true);
    expect(Math.fround(c.eps)).toBe(c.eps);
  }
  expect(of('float64-only').every((c) => notFloat32(c.x.flat()))).toBe(true);
  // small variance: σ² < ε / 16
  expect(of('small-variance').every((c) => c.x.every((r) => { const m = r.reduce((a, b) => a + b, 0) / r.length; return r.reduce((a, v) => a + (v - m) ** 2, 0) / r.length < c.eps / 16; }))).toBe(true);
  expect(samples.every((c) => c.eps > 0 || c.cls === 'exact-friendly')).toBe(true);
}, 180_000);
