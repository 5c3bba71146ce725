/** attn.rope generator: declared class shares, both pairings, positions up to 4096, position 0, d = 64/128, float64-only values. */
import { test, expect } from 'vitest';
import { ropeArb } from '../../src/properties/attn-ops-shared.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('attn.rope: classes, pairings, positions, widths', () => {
  const { samples, shares } = sampleTagged(ropeArb, 7002, 2000);
  console.log('attn.rope shares', JSON.stringify(shares));
  expectShares('attn.rope', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  expect(samples.every((c) => c.x[0]!.length % 2 === 0 && c.positions.length === c.x.length)).toBe(true);
  expect(new Set(samples.map((c) => c.pairing))).toEqual(new Set(['interleaved', 'rotate-half']));
  expect(Math.max(...of('long-positions').flatMap((c) => c.positions))).toBe(4096);
  expect(of('position-zero').every((c) => c.positions.every((p) => p === 0))).toBe(true);
  expect(new Set(of('realistic').map((c) => c.x[0]!.length))).toEqual(new Set([64, 128]));
  expect(Math.max(...of('mixed').map((c) => c.x[0]!.length))).toBe(32);
  expect(new Set(of('mixed').map((c) => c.base))).toEqual(new Set([100, 10000, 500000]));
  expect(of('float64-only').every((c) => notFloat32(c.x.flat()))).toBe(true);
}, 180_000);
