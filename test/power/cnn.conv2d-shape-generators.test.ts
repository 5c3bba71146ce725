/** cnn.conv2d-shape generator: declared class shares, sides reach 1024, every case valid (K ≤ W + 2P). */
import { test, expect } from 'vitest';
import { convDimArb, CONV_MAX_SIDE, validDims } from '../../src/properties/cnn.out-size.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('cnn.conv2d-shape: classes, sizes, validity', () => {
  const { samples, shares } = sampleTagged(convDimArb, 361);
  console.log('cnn.conv2d-shape shares', JSON.stringify(shares));
  expectShares('cnn.conv2d-shape', shares);
  expect(Math.max(...samples.map((a) => Math.max(a.height, a.width)))).toBe(CONV_MAX_SIDE);
  expect(samples.every(validDims)).toBe(true);
  expect(samples.filter((a) => !a.pads && !a.autoPad).every((a) => (a.dh ?? 1) * (a.kh - 1) + 1 <= a.height + 2 * a.ph)).toBe(true);
  expect(samples.filter((a) => a.cls === 'dilated').every((a) => (a.dh ?? 1) >= 2 && (a.dw ?? 1) >= 2)).toBe(true);
  expect(samples.filter((a) => a.cls === 'asymmetric-pads').every((a) => a.pads![0] !== a.pads![2] || a.pads![1] !== a.pads![3])).toBe(true);
  expect(new Set(samples.filter((a) => a.cls === 'auto-pad').map((a) => a.autoPad))).toEqual(new Set(['valid', 'same-upper', 'same-lower']));
  expect(samples.filter((a) => a.cls === 'stride-over-kernel').every((a) => a.sh > a.kh && a.sw > a.kw)).toBe(true);
  expect(samples.filter((a) => a.cls === 'kernel-fills-input').every((a) => a.kh === a.height + 2 * a.ph || a.kw === a.width + 2 * a.pw)).toBe(true);
  expect(samples.filter((a) => !a.pads && !a.autoPad && (a.height - a.kh + 2 * a.ph) % a.sh !== 0).length / samples.length).toBeGreaterThan(0.3);
});
