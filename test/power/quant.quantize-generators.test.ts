/** The direct quantize generator (quantizeArb): classes at their declared shares, sizes up to the maximum. */
import { test, expect } from 'vitest';
import { quantizeArb, quantizeClasses, QUANT_MAX_N } from '../../src/properties/quant.affine-roundtrip.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('quant.quantize: input classes reach their declared minimum shares; n reaches its maximum', () => {
  const { counts, samples } = shares(quantizeArb, quantizeClasses, 102);
  const measured = expectDeclaredShares('quant.quantize', counts);
  console.log('quant.quantize shares', JSON.stringify(measured));
  expect(Math.max(...samples.map((a) => a.x.length))).toBe(QUANT_MAX_N);
  expect(samples.some((a) => a.x.length === 0)).toBe(true);
});
