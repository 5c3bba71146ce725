/** The chained quantisation generator (quantCaseArb, used for quant.affine-params): every documented class at its share. */
import { test, expect } from 'vitest';
import { quantCaseArb, quantCaseClasses } from '../../src/properties/quant.affine-roundtrip.js';
import { shares, expectDeclaredShares, SAMPLES } from './_shares.js';

test('quant.affine-params: input classes reach their declared minimum shares over 10,000 samples', () => {
  const { counts, samples } = shares(quantCaseArb, quantCaseClasses, 101);
  const measured = expectDeclaredShares('quant.affine-params', counts);
  console.log('quant.affine-params shares', JSON.stringify(measured));
  // every integer range appears, and float64-only endpoints appear (float64 runs get float64 inputs)
  const ranges = new Set(samples.map((c) => `${c.qmin},${c.qmax}`));
  expect(ranges.size).toBe(10);
  expect(samples.filter((c) => Math.fround(c.xmin) !== c.xmin || Math.fround(c.xmax) !== c.xmax).length / SAMPLES).toBeGreaterThan(0.15);
});
