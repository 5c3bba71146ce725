/** cnn.pool2d-shape generator: declared class shares, sides reach 1024, every case valid (K ≤ W). */
import { test, expect } from 'vitest';
import { poolArb, POOL_MAX_SIDE } from '../../src/properties/cnn.pool-size.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('cnn.pool2d-shape: classes, sizes, validity', () => {
  const { samples, shares } = sampleTagged(poolArb, 371);
  console.log('cnn.pool2d-shape shares', JSON.stringify(shares));
  expectShares('cnn.pool2d-shape', shares);
  expect(Math.max(...samples.map((a) => Math.max(a.height, a.width)))).toBe(POOL_MAX_SIDE);
  expect(samples.every((a) => a.kh <= a.height && a.kw <= a.width)).toBe(true);
  expect(samples.filter((a) => a.cls === 'kernel-equals-input').every((a) => a.kh === a.height || a.kw === a.width)).toBe(true);
  expect(samples.filter((a) => (a.height - a.kh) % a.sh !== 0).length / samples.length).toBeGreaterThan(0.3);
});
