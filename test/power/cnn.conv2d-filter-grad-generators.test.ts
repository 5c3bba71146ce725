/** cnn.conv2d-filter-grad generator: declared class shares, inputs reach 64×64 and 11×11 kernels, float64-only values. */
import { test, expect } from 'vitest';
import { convGradArb, DW_MAX_SIDE } from '../../src/properties/cnn.dW.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('cnn.conv2d-filter-grad: classes, sizes, float64-only values', () => {
  const { samples, shares } = sampleTagged(convGradArb, 381);
  console.log('cnn.conv2d-filter-grad shares', JSON.stringify(shares));
  expectShares('cnn.conv2d-filter-grad', shares);
  expect(Math.max(...samples.map((c) => Math.max(c.x.length, c.x[0]!.length)))).toBe(DW_MAX_SIDE);
  expect(samples.some((c) => c.kernel[0] === 11)).toBe(true);
  expect(samples.filter((c) => c.cls === 'stride-over-kernel').every((c) => c.stride > Math.max(...c.kernel))).toBe(true);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32([...c.x.flat(), ...c.dy.flat()]))).toBe(true);
  expect(samples.some((c) => c.padding === 'same' && c.stride > 1)).toBe(true);
});
