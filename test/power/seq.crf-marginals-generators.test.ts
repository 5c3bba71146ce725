/** seq.crf-marginals generator: declared class shares; peaked cases give marginals near 0 and 1. */
import { test, expect } from 'vitest';
import { crfMarginalsArb, marginalsEnclosureFor } from '../../src/properties/seq.crf-viterbi.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('seq.crf-marginals: classes, start and end, peaked marginals', () => {
  const { samples, shares } = sampleTagged(crfMarginalsArb, 2027);
  console.log('seq.crf-marginals shares', JSON.stringify(shares));
  expectShares('seq.crf-marginals', shares);
  expect(samples.filter((s) => s.cls === 'start-and-end').every((s) => s.start && s.end)).toBe(true);
  const peaked = samples.filter((s) => s.cls === 'peaked').slice(0, 200);
  const extreme = peaked.filter((s) => marginalsEnclosureFor(s).flat().some((e) => e.hi < 1e-6)).length / peaked.length;
  console.log('peaked cases with a marginal below 1e-6', extreme);
  expect(extreme).toBeGreaterThan(0.3);
});
