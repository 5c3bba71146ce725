/** The direct dequantize generator (dequantizeArb): classes at their declared shares, sizes up to the maximum. */
import { test, expect } from 'vitest';
import { dequantizeArb, dequantizeClasses, QUANT_MAX_N } from '../../src/properties/quant.affine-roundtrip.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('quant.dequantize: input classes reach their declared minimum shares; n reaches its maximum', () => {
  const { counts, samples } = shares(dequantizeArb, dequantizeClasses, 103);
  const measured = expectDeclaredShares('quant.dequantize', counts);
  console.log('quant.dequantize shares', JSON.stringify(measured));
  expect(Math.max(...samples.map((a) => a.q.length))).toBe(QUANT_MAX_N);
});
