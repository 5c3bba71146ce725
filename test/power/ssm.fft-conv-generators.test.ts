/** ssm.fft-conv generator: declared class shares, L reaches its maximum, float64-only values are not float32. */
import { test, expect } from 'vitest';
import { fftConvArb, FFT_MAX_L } from '../../src/properties/ssm.kernel.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('ssm.fft-conv: classes, sizes, float64-only values', () => {
  const { samples, shares } = sampleTagged(fftConvArb, 311);
  console.log('ssm.fft-conv shares', JSON.stringify(shares));
  expectShares('ssm.fft-conv', shares);
  expect(Math.max(...samples.map((c) => c.u.length))).toBe(FFT_MAX_L);
  expect(samples.filter((c) => c.u.length === FFT_MAX_L).length).toBeGreaterThan(50);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32([...c.k, ...c.u]))).toBe(true);
  // wide-range: magnitudes spread over at least 2¹⁵ in most inputs of length ≥ 8
  const wide = samples.filter((c) => c.cls === 'wide-range' && c.k.length >= 8);
  const spread = wide.filter((c) => { const a = c.k.filter((v) => v !== 0).map(Math.abs); return Math.max(...a) / Math.min(...a) >= 2 ** 15; });
  expect(spread.length / wide.length).toBeGreaterThan(0.5);
});
