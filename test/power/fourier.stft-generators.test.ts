/** fourier.stft generator: declared class shares, window lengths reach 512 (and 400), odd windows, several frames, float64-only values. */
import { test, expect } from 'vitest';
import { stftArb, STFT_MAX_NFFT } from '../../src/properties/fourier.stft-spectrogram.js';
import { stftFrames } from '../../src/oracles/fourier.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('fourier.stft: classes, sizes, float64-only values', () => {
  const { samples, shares } = sampleTagged(stftArb, 1307);
  console.log('fourier.stft shares', JSON.stringify(shares));
  expectShares('fourier.stft', shares);
  expect(Math.max(...samples.map((c) => c.nFft))).toBe(STFT_MAX_NFFT);
  expect(samples.some((c) => c.nFft === 400)).toBe(true);
  expect(samples.every((c) => c.x.length >= c.nFft && c.hop >= 1 && c.hop <= c.nFft)).toBe(true);
  expect(samples.filter((c) => c.nFft % 2 === 1).length / samples.length).toBeGreaterThan(0.2);
  expect(samples.filter((c) => stftFrames(c.x.length, c.nFft, c.hop) >= 2).length / samples.length).toBeGreaterThan(0.5);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32(c.x))).toBe(true);
});
