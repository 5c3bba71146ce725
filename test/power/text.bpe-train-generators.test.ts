/** corpusArb (src/properties/bpe-shared.ts), the generator of text.bpe-train: classes at their declared shares, word lengths up to the maximum. */
import { test, expect } from 'vitest';
import { corpusArb, corpusClasses, BPE_MAX_TRAIN_WORD } from '../../src/properties/bpe-shared.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('text.bpe-train: input classes reach their declared minimum shares over 10,000 samples; words reach the maximum length', () => {
  const { counts, samples } = shares(corpusArb, corpusClasses, 301);
  const measured = expectDeclaredShares('text.bpe-train', counts);
  console.log('text.bpe-train shares', JSON.stringify(measured));
  expect(Math.max(...samples.flatMap((c) => Object.keys(c.words).map((w) => w.length)))).toBe(BPE_MAX_TRAIN_WORD);
});
