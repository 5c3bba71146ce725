/** ngramProbArb (src/properties/text-shared.ts), the generator of text.ngram-prob: classes at their declared shares. */
import { test, expect } from 'vitest';
import { ngramProbArb, ngramProbClasses } from '../../src/properties/text-shared.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('text.ngram-prob: input classes reach their declared minimum shares over 10,000 samples', () => {
  const { counts, samples } = shares(ngramProbArb, ngramProbClasses, 414);
  const measured = expectDeclaredShares('text.ngram-prob', counts);
  console.log('text.ngram-prob shares', JSON.stringify(measured));
  expect(Math.max(...samples.map((a) => a.sentences.reduce((t, s) => t + s.length, 0)))).toBeGreaterThanOrEqual(4000);
});
