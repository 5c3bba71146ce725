/** The exhaustive quant.cast-float8 generator: every class (every code, midpoints, their neighbours, overflow, NaN and zeros) in every case. */
import { test, expect } from 'vitest';
import { castFloat8Arb, castClasses } from '../../src/properties/quant.minifloat.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('quant.cast-float8: input classes reach their declared minimum shares', () => {
  const arb = castFloat8Arb;
  const { counts, samples } = shares(arb, castClasses, 108, 200);
  const measured = expectDeclaredShares('quant.cast-float8', counts, 200);
  console.log('quant.cast-float8 shares', JSON.stringify(measured));
  expect(samples.every((a) => a.x.length > 100)).toBe(true);
});
