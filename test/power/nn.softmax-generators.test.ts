/** nn.softmax generator: declared class shares over 10,000 samples, n reaches 64 and 2048, each class has the property it is named after. */
import { test, expect } from 'vitest';
import { softmaxArb, SOFTMAX_MAX_N, SOFTMAX_REALISTIC_N } from '../../src/properties/ret.teacher-softmax.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('nn.softmax: classes, sizes, extremes, offsets, ties, float64-only values', () => {
  const { samples, shares } = sampleTagged(softmaxArb, 1701);
  console.log('nn.softmax shares', JSON.stringify(shares));
  expectShares('nn.softmax', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const general = samples.filter((c) => c.cls !== 'realistic');
  expect(Math.max(...general.map((c) => c.x.length))).toBe(SOFTMAX_MAX_N);
  expect(general.filter((c) => c.x.length === SOFTMAX_MAX_N).length / general.length).toBeGreaterThan(0.1);
  const real = of('realistic');
  expect(Math.min(...real.map((c) => c.x.length))).toBeGreaterThanOrEqual(1000);
  expect(Math.max(...real.map((c) => c.x.length))).toBe(SOFTMAX_REALISTIC_N);
  // every logit below −104 (exp underflows in float32 without the shift); some logit above 88.7 (overflows)
  expect(of('extreme-low').every((c) => c.x.every((v) => v < -104))).toBe(true);
  expect(of('extreme-high').every((c) => Math.max(...c.x) > 88.8)).toBe(true);
  expect(of('extreme-high').filter((c) => Math.max(...c.x) > 710).length).toBeGreaterThan(0);
  // a common offset ≥ 1024 in magnitude with a spread below 512
  expect(of('large-offset').every((c) => Math.min(...c.x.map(Math.abs)) >= 512 && Math.max(...c.x) - Math.min(...c.x) <= 512)).toBe(true);
  // the maximum is tied; a quarter all equal with n a power of two
  expect(of('ties').every((c) => c.x.filter((v) => v === Math.max(...c.x)).length >= 2)).toBe(true);
  expect(of('ties').filter((c) => c.x.every((v) => v === c.x[0]) && Number.isInteger(Math.log2(c.x.length))).length / of('ties').length).toBeGreaterThan(0.15);
  expect(of('float64-only').every((c) => notFloat32(c.x))).toBe(true);
  // probabilities that underflow: a spread beyond 104 in the wide-spread class
  expect(of('wide-spread').filter((c) => Math.max(...c.x) - Math.min(...c.x) > 104).length / of('wide-spread').length).toBeGreaterThan(0.3);
}, 180_000);
