/** cnn.conv-transpose2d-shape and cnn.max-unpool2d-shape generators: declared class shares, sides reach the maximum, every case in the domain. */
import { test, expect } from 'vitest';
import { transposeArb, unpoolArb, TRANSPOSE_MAX_SIDE } from '../../src/properties/cnn.out-size.js';
import { transposeShape, unpoolShape } from '../../src/oracles/convolution.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('cnn.conv-transpose2d-shape: classes, sizes, validity', () => {
  const { samples, shares } = sampleTagged(transposeArb, 362);
  console.log('cnn.conv-transpose2d-shape shares', JSON.stringify(shares));
  expectShares('cnn.conv-transpose2d-shape', shares);
  expect(Math.max(...samples.map((a) => Math.max(a.height, a.width)))).toBe(TRANSPOSE_MAX_SIDE);
  expect(samples.every((a) => { try { return transposeShape(a).every((v) => v >= 1); } catch { return false; } })).toBe(true);
  expect(samples.filter((a) => a.cls === 'output-padding').every((a) => (a.outputPadding ?? [0, 0]).some((v) => v > 0))).toBe(true);
  expect(samples.filter((a) => a.cls === 'stride-over-kernel').every((a) => a.stride[0] > a.kernel[0] && a.stride[1] > a.kernel[1])).toBe(true);
  expect(samples.some((a) => a.cls === 'output-shape' && a.outputShape![0] > a.stride[0] * (a.height - 1) + a.kernel[0])).toBe(true); // negative derived pads
  expect(new Set(samples.filter((a) => a.cls === 'auto-pad').map((a) => a.autoPad))).toEqual(new Set(['valid', 'same-upper', 'same-lower']));
});

test('cnn.max-unpool2d-shape: classes, sizes, validity', () => {
  const { samples, shares } = sampleTagged(unpoolArb, 363);
  console.log('cnn.max-unpool2d-shape shares', JSON.stringify(shares));
  expectShares('cnn.max-unpool2d-shape', shares);
  expect(Math.max(...samples.map((a) => Math.max(a.height, a.width)))).toBe(TRANSPOSE_MAX_SIDE);
  expect(samples.every((a) => { try { return unpoolShape(a).every((v) => v >= 1); } catch { return false; } })).toBe(true);
  expect(samples.filter((a) => a.cls === 'stride-over-kernel').every((a) => a.stride[0] > a.kernel[0] && a.stride[1] > a.kernel[1])).toBe(true);
});
