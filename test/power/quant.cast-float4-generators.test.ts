/** The exhaustive quant.cast-float4 generator: every class (every code, midpoints, their neighbours, overflow, NaN and zeros) in every case. */
import { test, expect } from 'vitest';
import { castFloat4Arb, castClasses } from '../../src/properties/quant.minifloat.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('quant.cast-float4: input classes reach their declared minimum shares', () => {
  const arb = castFloat4Arb.map((a) => ({ ...a, format: 'E2M1' as const, saturate: true }));
  const { counts, samples } = shares(arb, castClasses, 108, 200);
  const measured = expectDeclaredShares('quant.cast-float4', counts, 200);
  console.log('quant.cast-float4 shares', JSON.stringify(measured));
  expect(samples.every((a) => a.x.length > 100)).toBe(true);
});
