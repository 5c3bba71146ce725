/** tfidfArb (src/properties/text-stats-shared.ts), the generator of text.tfidf: classes at their declared shares. */
import { test } from 'vitest';
import { tfidfArb, tfidfClasses } from '../../src/properties/text-stats-shared.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('text.tfidf: input classes reach their declared minimum shares over 10,000 samples', () => {
  const { counts } = shares(tfidfArb, tfidfClasses, 1414);
  const measured = expectDeclaredShares('text.tfidf', counts);
  console.log('text.tfidf shares', JSON.stringify(measured));
});
