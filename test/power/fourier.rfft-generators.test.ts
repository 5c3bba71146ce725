/** fourier.rfft generator: declared class shares, N reaches its maximum, odd lengths present, float64-only values are not float32. */
import { test, expect } from 'vitest';
import { rfftArb, RFFT_MAX_N } from '../../src/properties/fourier.dft-fft.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('fourier.rfft: classes, sizes, float64-only values', () => {
  const { samples, shares } = sampleTagged(rfftArb, 1303);
  console.log('fourier.rfft shares', JSON.stringify(shares));
  expectShares('fourier.rfft', shares);
  expect(Math.max(...samples.map((c) => c.x.length))).toBe(RFFT_MAX_N);
  expect(samples.filter((c) => c.x.length === RFFT_MAX_N).length).toBeGreaterThan(50);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32(c.x))).toBe(true);
  expect(samples.filter((c) => c.x.length % 2 === 1).length / samples.length).toBeGreaterThan(0.15);
  // structured: the alternating (−1)^n signal (all energy in the Nyquist bin) appears
  expect(samples.some((c) => c.cls === 'structured' && c.x.length % 2 === 0 && c.x.length >= 4 && c.x.every((v, i) => v === (i % 2 === 0 ? c.x[0]! : -c.x[0]!)) && c.x[0] !== 0)).toBe(true);
});
