/** attn.rope-apply generator: declared class shares, both pairings, partial rotary dims (odd d too), genuine and arbitrary tables, the identity table, d = 64/128, float64-only values. */
import { test, expect } from 'vitest';
import { ropeApplyArb } from '../../src/properties/attn-rope-apply-shared.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('attn.rope-apply: classes, pairings, partial dims, tables, widths', () => {
  const { samples, shares } = sampleTagged(ropeApplyArb, 7013, 2000);
  console.log('attn.rope-apply shares', JSON.stringify(shares));
  expectShares('attn.rope-apply', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const h = (c: { cos: number[][] }) => c.cos[0]!.length, d = (c: { x: number[][] }) => c.x[0]!.length;
  expect(samples.every((c) => c.cos.length === c.x.length && c.sin.length === c.x.length && 2 * h(c) <= d(c) && c.x.every((r) => r.length === d(c)))).toBe(true);
  expect(new Set(samples.map((c) => c.pairing))).toEqual(new Set(['interleaved', 'rotate-half']));
  expect(of('partial').every((c) => 2 * h(c) < d(c))).toBe(true);
  expect(of('partial').some((c) => d(c) % 2 === 1)).toBe(true);
  expect(Math.max(...of('partial').map(d))).toBeGreaterThanOrEqual(36);
  expect(of('mixed').every((c) => 2 * h(c) === d(c))).toBe(true);
  expect(Math.max(...of('mixed').map(h))).toBe(16);
  // arbitrary tables are not rotations; genuine ones are, to float32 rounding
  expect(of('mixed').some((c) => c.cos.some((r, t) => r.some((v, i) => Math.abs(v * v + c.sin[t]![i]! ** 2 - 1) > 0.5)))).toBe(true);
  expect(of('rotation-tables').every((c) => c.cos.every((r, t) => r.every((v, i) => Math.abs(v * v + c.sin[t]![i]! ** 2 - 1) < 1e-6)))).toBe(true);
  expect(of('identity').every((c) => c.cos.flat().every((v) => v === 1) && c.sin.flat().every((v) => v === 0))).toBe(true);
  expect(Math.max(...of('wide-tables').flatMap((c) => c.cos.flat().map(Math.abs)))).toBeGreaterThan(8);
  expect(new Set(of('realistic').map(d))).toEqual(new Set([64, 128]));
  expect(of('realistic').some((c) => 2 * h(c) < d(c)) && of('realistic').some((c) => 2 * h(c) === d(c))).toBe(true);
  expect(of('float64-only').every((c) => notFloat32(c.x.flat()) && notFloat32(c.cos.flat()))).toBe(true);
}, 120_000);
