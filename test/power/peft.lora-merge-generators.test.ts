/** peft.lora-merge generator: declared class shares, d, k reach 128 and r = 16, non-dyadic α/r, B = 0, float64-only values. */
import { test, expect } from 'vitest';
import { loraArb, LORA_MAX_SIDE } from '../../src/properties/peft.lora-shapes.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('peft.lora-merge: classes, sizes, scales, float64-only values', () => {
  const { samples, shares } = sampleTagged(loraArb, 413);
  console.log('peft.lora-merge shares', JSON.stringify(shares));
  expectShares('peft.lora-merge', shares);
  expect(Math.max(...samples.map((c) => Math.max(c.w0.length, c.w0[0]!.length)))).toBe(LORA_MAX_SIDE);
  expect(samples.some((c) => c.a.length === 16)).toBe(true);
  expect(samples.filter((c) => c.cls === 'non-dyadic-scale').every((c) => [3, 5, 6, 7, 12].includes(c.a.length))).toBe(true);
  expect(samples.filter((c) => c.cls === 'zero-b').every((c) => c.b.every((r) => r.every((v) => v === 0)))).toBe(true);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32([...c.w0.flat(), ...c.b.flat(), ...c.a.flat()]))).toBe(true);
});
