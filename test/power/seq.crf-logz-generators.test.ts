/** crfArb (src/properties/seq.crf-viterbi.ts), the generator of seq.crf-logz: classes at their declared shares, T and L up to their maxima. */
import { test, expect } from 'vitest';
import { crfArb, crfClasses, CRF_MAX_T, CRF_MAX_L } from '../../src/properties/seq.crf-viterbi.js';
import { shares, expectDeclaredShares } from './_shares.js';

test('seq.crf-logz: input classes reach their declared minimum shares over 10,000 samples; T and L reach their maxima', () => {
  const { counts, samples } = shares(crfArb, crfClasses, 202);
  const measured = expectDeclaredShares('seq.crf-logz', counts);
  console.log('seq.crf-logz shares', JSON.stringify(measured));
  expect(Math.max(...samples.map((a) => a.emissions.length))).toBe(CRF_MAX_T);
  expect(Math.max(...samples.map((a) => a.transitions.length))).toBe(CRF_MAX_L);
  // float64-only scores appear (float64 runs receive them; float32 runs their roundings)
  expect(samples.some((a) => a.emissions.flat().some((v) => Math.fround(v) !== v))).toBe(true);
});
