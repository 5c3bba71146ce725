/** cnn.pool2d-shape generator: declared class shares, sides reach 1024, every case valid (K ≤ W). */
import { test, expect } from 'vitest';
import { poolArb, POOL_MAX_SIDE, poolDimsToArgs } from '../../src/properties/cnn.pool-size.js';
import { validDims } from '../../src/properties/cnn.out-size.js';
import { windowAxis } from '../../src/oracles/convolution.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('cnn.pool2d-shape: classes, sizes, validity', () => {
  const { samples, shares } = sampleTagged(poolArb, 371);
  console.log('cnn.pool2d-shape shares', JSON.stringify(shares));
  expectShares('cnn.pool2d-shape', shares);
  expect(Math.max(...samples.map((a) => Math.max(a.height, a.width)))).toBe(POOL_MAX_SIDE);
  expect(samples.every((a) => validDims({ ...a, ph: 0, pw: 0 }))).toBe(true);
  // torch accepts pooling pads up to half the kernel: every generated pad is within it
  expect(samples.every((a) => !a.pads || (a.pads[0] <= a.kh / 2 && a.pads[2] <= a.kh / 2 && a.pads[1] <= a.kw / 2 && a.pads[3] <= a.kw / 2))).toBe(true);
  // ceil mode reaches inputs where PyTorch's last-window rule drops a window
  const dropped = samples.filter((a) => a.ceilMode && !a.autoPad).filter((a) => {
    const args = poolDimsToArgs(a), p = args.pads ?? [0, 0, 0, 0], d = args.dilation?.[0] ?? 1;
    const L = a.height + p[0] + p[2] - d * (a.kh - 1) - 1;
    return Math.ceil(L / a.sh) + 1 !== windowAxis({ n: a.height, k: a.kh, s: a.sh, d, begin: p[0], end: p[2], ceil: true }).out;
  });
  expect(dropped.length).toBeGreaterThan(0);
  expect(new Set(samples.filter((a) => a.cls === 'auto-pad').map((a) => a.autoPad))).toEqual(new Set(['valid', 'same-upper', 'same-lower']));
  expect(samples.filter((a) => a.cls === 'kernel-equals-input').every((a) => a.kh === a.height || a.kw === a.width)).toBe(true);
  expect(samples.filter((a) => !a.pads && !a.autoPad && (a.height - a.kh) % a.sh !== 0).length / samples.length).toBeGreaterThan(0.3);
});
