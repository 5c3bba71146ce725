/** bm25Arb (src/properties/text-stats-shared.ts), the generator of text.bm25: classes at their declared shares. */
import { test } from 'vitest';
import { bm25Arb, bm25Classes } from '../../src/properties/text-stats-shared.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('text.bm25: input classes reach their declared minimum shares over 10,000 samples', () => {
  const { counts } = shares(bm25Arb, bm25Classes, 1414);
  const measured = expectDeclaredShares('text.bm25', counts);
  console.log('text.bm25 shares', JSON.stringify(measured));
});
