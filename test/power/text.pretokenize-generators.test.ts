/** pretokArb (src/properties/text-stats-shared.ts), the generator of text.pretokenize: classes at their declared shares. */
import { test } from 'vitest';
import { pretokArb, pretokClasses } from '../../src/properties/text-stats-shared.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('text.pretokenize: input classes reach their declared minimum shares over 10,000 samples', () => {
  const { counts } = shares(pretokArb, pretokClasses, 1414);
  const measured = expectDeclaredShares('text.pretokenize', counts);
  console.log('text.pretokenize shares', JSON.stringify(measured));
});
