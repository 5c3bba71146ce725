/** perplexityArb (src/properties/text-shared.ts), the generator of text.perplexity: classes at their declared shares, lengths up to 2000. */
import { test, expect } from 'vitest';
import { perplexityArb, perplexityClasses } from '../../src/properties/text-shared.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('text.perplexity: input classes reach their declared minimum shares over 10,000 samples', () => {
  const { counts, samples } = shares(perplexityArb, perplexityClasses, 249);
  const measured = expectDeclaredShares('text.perplexity', counts);
  console.log('text.perplexity shares', JSON.stringify(measured));
  expect(Math.max(...samples.map((a) => a.probs.length))).toBe(2000);
});
