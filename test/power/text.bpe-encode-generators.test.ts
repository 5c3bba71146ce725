/** encodeCaseArb (src/properties/bpe-shared.ts), the generator of text.bpe-encode: classes at their declared shares, words up to the maximum length. */
import { test, expect } from 'vitest';
import { encodeCaseArb, encodeClasses, BPE_MAX_WORD } from '../../src/properties/bpe-shared.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('text.bpe-encode: input classes reach their declared minimum shares over 10,000 samples; words reach the maximum length', () => {
  const { counts, samples } = shares(encodeCaseArb, encodeClasses, 302);
  const measured = expectDeclaredShares('text.bpe-encode', counts);
  console.log('text.bpe-encode shares', JSON.stringify(measured));
  expect(Math.max(...samples.flatMap((c) => c.words.map((w) => w.length)))).toBe(BPE_MAX_WORD);
});
