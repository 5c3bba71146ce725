/** attn.sdpa generator: declared class shares over 10,000 samples, T, S, d reach their maxima (16/32, and 192 with d = 64/128), one-hot structure, float64-only values. */
import { test, expect } from 'vitest';
import { sdpaArb, SDPA_MAX_T, SDPA_MAX_D, SDPA_REALISTIC_T } from '../../src/properties/attn.sdpa.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('attn.sdpa: classes, sizes, one-hot rows, causal shapes, float64-only values', () => {
  const { samples, shares } = sampleTagged(sdpaArb, 5003);
  console.log('attn.sdpa shares', JSON.stringify(shares));
  expectShares('attn.sdpa', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const mixed = of('mixed');
  expect(Math.max(...mixed.map((c) => c.q.length))).toBe(SDPA_MAX_T);
  expect(Math.max(...mixed.map((c) => c.k.length))).toBe(SDPA_MAX_T);
  expect(Math.max(...mixed.map((c) => c.q[0]!.length))).toBe(SDPA_MAX_D);
  const real = of('realistic');
  expect(Math.min(...real.map((c) => c.q.length))).toBeGreaterThanOrEqual(128);
  expect(Math.max(...real.map((c) => c.q.length))).toBe(SDPA_REALISTIC_T);
  expect(new Set(real.map((c) => c.q[0]!.length))).toEqual(new Set([64, 128]));
  expect(samples.every((c) => !c.causal || c.q.length === c.k.length)).toBe(true);
  expect(samples.filter((c) => c.causal).length / samples.length).toBeGreaterThan(0.3);
  // one-hot: every query and key row has exactly one non-zero entry, keys on distinct axes
  for (const c of of('one-hot')) {
    expect(c.q.every((r) => r.filter((v) => v !== 0).length === 1) && c.k.every((r) => r.filter((v) => v !== 0).length === 1)).toBe(true);
    expect(new Set(c.k.map((r) => r.findIndex((v) => v !== 0))).size).toBe(c.k.length);
  }
  expect(of('float64-only').every((c) => notFloat32([...c.q.flat(), ...c.k.flat()]))).toBe(true);
  expect(of('ties').every((c) => c.k.every((r) => r.every((v, i) => v === c.k[0]![i])))).toBe(true);
  expect(of('d-one').every((c) => c.q[0]!.length === 1)).toBe(true);
}, 180_000);
