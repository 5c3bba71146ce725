/** The quant.int-gemm generator (intGemmArb): classes at their declared shares, K reaches its maximum. */
import { test, expect } from 'vitest';
import { intGemmArb, intGemmClasses, INT_GEMM_MAX_K } from '../../src/properties/quant.int-gemm.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('quant.int-gemm: input classes reach their declared minimum shares; K reaches its maximum', () => {
  const { counts, samples } = shares(intGemmArb, intGemmClasses, 103);
  const measured = expectDeclaredShares('quant.int-gemm', counts);
  console.log('quant.int-gemm shares', JSON.stringify(measured));
  expect(Math.max(...samples.map((c) => c.W.length))).toBe(INT_GEMM_MAX_K);
});
