/** attn.linear generator: declared class shares over 10,000 samples, T, S, D reach their maxima, causal shapes, near-zero weights, float64-only values, D = 16. */
import { test, expect } from 'vitest';
import { linAttnArb, LINATTN_MAX_T, LINATTN_MAX_D } from '../../src/properties/attn.linear-attn.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('attn.linear: classes, sizes, causal shapes, near-zero weights, float64-only values', () => {
  const { samples, shares } = sampleTagged(linAttnArb, 6007);
  console.log('attn.linear shares', JSON.stringify(shares));
  expectShares('attn.linear', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const mixed = of('mixed');
  expect(Math.max(...mixed.map((c) => c.q.length))).toBe(LINATTN_MAX_T);
  expect(Math.max(...mixed.map((c) => c.k.length))).toBe(LINATTN_MAX_T);
  expect(Math.max(...mixed.map((c) => c.q[0]!.length))).toBe(LINATTN_MAX_D);
  expect(samples.every((c) => !c.causal || c.q.length === c.k.length)).toBe(true);
  expect(of('causal').every((c) => c.causal && c.q.length >= 2)).toBe(true);
  // near-zero weight: some (query, key) pair has |q·k + 1| ≤ 2^-14 in at least half of the class
  const near = of('near-zero-weight').filter((c) => c.q.some((q) => c.k.some((k) => Math.abs(q.reduce((s, x, l) => s + x * k[l]!, 0) + 1) <= 2 ** -14)));
  expect(near.length / of('near-zero-weight').length).toBeGreaterThan(0.5);
  expect(of('float64-only').every((c) => notFloat32([...c.q.flat(), ...c.k.flat()]))).toBe(true);
  expect(of('single-key').every((c) => c.k.length === 1 && !c.causal)).toBe(true);
  expect(of('wide').every((c) => c.q[0]!.length === 16)).toBe(true);
  expect(Math.max(...of('wide').map((c) => c.k.length))).toBe(48);
  expect(Math.max(...of('large').flatMap((c) => c.q.flat().map(Math.abs)))).toBeGreaterThan(4);
}, 180_000);
