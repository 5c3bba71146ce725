/** The quant.ste-grad generator (steArgsArb): classes at their declared shares. */
import { test } from 'vitest';
import { steArgsArb, steClasses } from '../../src/properties/quant.fakequant-ste.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('quant.ste-grad: input classes reach their declared minimum shares', () => {
  const { counts } = shares(steArgsArb, steClasses, 104);
  const measured = expectDeclaredShares('quant.ste-grad', counts);
  console.log('quant.ste-grad shares', JSON.stringify(measured));
});
