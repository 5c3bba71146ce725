/** fourier.dft generator: declared class shares, N reaches its maximum, float64-only values are not float32, non-powers of two have large prime factors. */
import { test, expect } from 'vitest';
import { dftArb, DFT_MAX_N } from '../../src/properties/fourier.dft-fft.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

const largestPrime = (n: number): number => { let p = 1; for (let d = 2; d * d <= n; d++) while (n % d === 0) { p = d; n /= d; } return n > 1 ? n : p; };

test('fourier.dft: classes, sizes, float64-only values', () => {
  const { samples, shares } = sampleTagged(dftArb, 1301, 5000);
  console.log('fourier.dft shares', JSON.stringify(shares));
  expectShares('fourier.dft', shares);
  expect(Math.max(...samples.map((c) => c.x.length))).toBe(DFT_MAX_N);
  expect(samples.filter((c) => c.x.length === DFT_MAX_N).length).toBeGreaterThan(40);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32(c.x.flat()))).toBe(true);
  const np2 = samples.filter((c) => c.cls === 'non-power-of-two');
  expect(np2.every((c) => (c.x.length & (c.x.length - 1)) !== 0)).toBe(true);
  expect(np2.filter((c) => largestPrime(c.x.length) > 16).length / np2.length).toBeGreaterThan(0.3);
  // small: both powers of two and other lengths, including primes 7, 11, 13
  const smallN = new Set(samples.filter((c) => c.cls === 'small').map((c) => c.x.length));
  for (const n of [1, 2, 3, 7, 8, 11, 13, 16]) expect(smallN.has(n), `small N = ${n}`).toBe(true);
  // structured: a single nonzero bin for tones, impulses and constants alike — at least one of each kind
  const st = samples.filter((c) => c.cls === 'structured');
  expect(st.some((c) => c.x.filter((v) => v[0] !== 0 || v[1] !== 0).length === 1)).toBe(true);
  expect(st.some((c) => c.x.every((v) => v[1] !== 0 || v[0] !== 0) && c.x.some((v) => v[1] !== 0))).toBe(true);
});
