/** stats.variance generator: declared class shares over 10,000 samples, n reaches 64 and 4096, offsets, exact-friendly structure, float64-only values. */
import { test, expect } from 'vitest';
import { varianceArb, VARIANCE_MAX_N, VARIANCE_REALISTIC_N } from '../../src/properties/stats.sample-variance.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const sd = (x: number[]) => { const m = mean(x); return Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length); };

test('stats.variance: classes, sizes, offsets, exact-friendly inputs, float64-only values', () => {
  const { samples, shares } = sampleTagged(varianceArb, 2411);
  console.log('stats.variance shares', JSON.stringify(shares));
  expectShares('stats.variance', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const general = samples.filter((c) => c.cls !== 'realistic');
  expect(Math.max(...general.map((c) => c.x.length))).toBe(VARIANCE_MAX_N);
  expect(general.filter((c) => c.x.length === VARIANCE_MAX_N).length / general.length).toBeGreaterThan(0.1);
  expect(Math.max(...of('realistic').map((c) => c.x.length))).toBe(VARIANCE_REALISTIC_N);
  expect(samples.filter((c) => c.correction === 0).length / samples.length).toBeGreaterThan(0.4);
  // large offsets: |mean|/σ ≥ 2⁶ (the one-pass formula's relative error grows like (μ/σ)²·u)
  expect(of('large-offset').every((c) => sd(c.x) === 0 || Math.abs(mean(c.x)) / sd(c.x) >= 64)).toBe(true);
  // exact-friendly: integers, n a power of two, integer mean
  expect(of('exact-friendly').every((c) => c.x.every(Number.isInteger) && Number.isInteger(Math.log2(c.x.length))
    && c.x.reduce((a, b) => a + b, 0) % c.x.length === 0)).toBe(true);
  expect(of('float64-only').every((c) => notFloat32(c.x))).toBe(true);
  expect(of('ties').every((c) => new Set(c.x).size <= 2)).toBe(true);
  // no overflow of the squares in float32: |x| ≤ 2^52
  expect(samples.every((c) => c.x.every((v) => Math.abs(Math.fround(v)) < 2 ** 52))).toBe(true);
}, 180_000);
