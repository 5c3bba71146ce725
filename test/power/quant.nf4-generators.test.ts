/** The quant.nf4 generator (nf4ArgsArb): classes at their declared shares. */
import { test, expect } from 'vitest';
import { nf4ArgsArb, nf4Classes } from '../../src/properties/quant.nf4-map.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('quant.nf4: input classes reach their declared minimum shares', () => {
  const { counts, samples } = shares(nf4ArgsArb, nf4Classes, 109, 2000);
  const measured = expectDeclaredShares('quant.nf4', counts, 2000);
  console.log('quant.nf4 shares', JSON.stringify(measured));
  expect(Math.max(...samples.map((a) => a.x.length))).toBeGreaterThanOrEqual(128);
});
