/** ret.maxsim generator: declared class shares over 10,000 samples; each class has the property it is named after. */
import { test, expect } from 'vitest';
import { maxSimArb } from '../../src/properties/ret.maxsim.js';
import { maxSimExact } from '../../src/oracles/retrieval.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('ret.maxsim: classes, all-negative similarities, exact grid, float64-only values, ColBERT sizes', () => {
  const { samples, shares } = sampleTagged(maxSimArb, 4242);
  console.log('ret.maxsim shares', JSON.stringify(shares));
  expectShares('ret.maxsim', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const dot = (a: number[], b: number[]) => a.reduce((s, v, k) => s + v * b[k]!, 0);
  expect(of('negative').slice(0, 200).every((c) => c.Q.every((q) => c.D.every((d) => dot(q, d) < 0)))).toBe(true);
  expect(of('exact-friendly').every((c) => [...c.Q, ...c.D].flat().every((v) => Number.isInteger(v * 8) && Math.abs(v) <= 2))).toBe(true);
  expect(of('float64-only').every((c) => notFloat32(c.Q.flat()))).toBe(true);
  expect(of('normalized').slice(0, 200).every((c) => c.Q.every((r) => r.every((v) => v === 0) || Math.abs(Math.hypot(...r) - 1) < 1e-6))).toBe(true);
  const real = of('realistic');
  expect(real.every((c) => c.Q.length === 32 && c.Q[0]!.length === 128 && c.D.length >= 32 && c.D.length <= 64)).toBe(true);
  // the asymmetry class: max over the query axis gives a different sum
  const asym = of('query-only-asymmetry').slice(0, 100);
  expect(asym.filter((c) => !maxSimExact(c.Q, c.D).score.eq(maxSimExact(c.D, c.Q).score)).length).toBeGreaterThan(90);
}, 120_000);
