/** attn.sinusoidal-pe generator: declared class shares, positions up to 8192, d = 512, bases 100 and 5·10⁵. */
import { test, expect } from 'vitest';
import { peArb } from '../../src/properties/attn-ops-shared.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('attn.sinusoidal-pe: classes, positions, widths, bases', () => {
  const { samples, shares } = sampleTagged(peArb, 7003);
  console.log('attn.sinusoidal-pe shares', JSON.stringify(shares));
  expectShares('attn.sinusoidal-pe', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  expect(samples.every((c) => c.d % 2 === 0 && c.positions.every((p) => Number.isInteger(p) && p >= 0))).toBe(true);
  expect(Math.max(...of('long').flatMap((c) => c.positions))).toBe(8192);
  expect(Math.max(...of('mixed').map((c) => c.d))).toBe(64);
  expect(of('realistic').every((c) => c.d === 512)).toBe(true);
  expect(new Set(of('other-base').map((c) => c.base))).toEqual(new Set([100, 500000]));
  expect(samples.some((c) => c.positions.includes(0))).toBe(true);
}, 180_000);
