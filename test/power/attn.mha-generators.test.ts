/** attn.mha generator: declared class shares, several heads, kdim/vdim ≠ E, self-attention (key = value = query), biases and masks on and off, causal rows, float64-only values. */
import { test, expect } from 'vitest';
import { mhaArb } from '../../src/properties/attn-mha-shared.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('attn.mha: classes, heads, kdim/vdim, self-attention, options', () => {
  const { samples, shares } = sampleTagged(mhaArb, 7013, 1500);
  console.log('attn.mha shares', JSON.stringify(shares));
  expectShares('attn.mha', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const E = (c: (typeof samples)[number]) => c.wq.length;
  expect(samples.every((c) => E(c) % c.numHeads === 0)).toBe(true);
  // several heads of width > 1 (a wrong head split or scale shows), and the largest sizes are reached
  expect(samples.filter((c) => c.numHeads >= 2 && E(c) / c.numHeads >= 2).length / samples.length).toBeGreaterThan(0.3);
  expect(Math.max(...samples.map(E))).toBe(16);
  expect(samples.some((c) => c.query.length === 2)).toBe(true);
  // kdim / vdim different from E; self-attention shares the tensor
  expect(of('mixed').filter((c) => c.wk[0]!.length !== E(c) || c.wv[0]!.length !== E(c)).length).toBeGreaterThan(0.2 * of('mixed').length);
  expect(of('self-attention').every((c) => c.key === c.query && c.value === c.query)).toBe(true);
  expect(of('causal').every((c) => c.causal && c.query[0]!.length >= 2 && c.key[0]!.length === c.query[0]!.length)).toBe(true);
  expect(of('masks').every((c) => c.keep !== undefined && c.bias !== undefined)).toBe(true);
  for (const key of ['bq', 'bo', 'keep', 'bias'] as const) {
    const on = of('mixed').filter((c) => c[key] !== undefined).length / of('mixed').length;
    expect(on, key).toBeGreaterThan(0.3);
    expect(on, key).toBeLessThan(0.7);
  }
  // every row keeps an allowed key
  for (const c of samples) for (let t = 0; t < c.query[0]!.length; t++) {
    expect(c.key[0]!.some((_, s) => (!c.causal || s <= t) && (c.keep === undefined || c.keep[t]![s] === 1))).toBe(true);
  }
  expect(of('float64-only').every((c) => notFloat32(c.query.flat(2)))).toBe(true);
}, 120_000);
