/** dec.top-k-filter generator: declared class shares; the ties class really ties the k-th value with a dropped one. */
import { test, expect } from 'vitest';
import { topKOpArb } from '../../src/properties/dec.top-k.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('dec.top-k-filter: classes, boundary ties, k ≥ V, large vocabularies', () => {
  const { samples, shares } = sampleTagged(topKOpArb, 2024);
  console.log('dec.top-k-filter shares', JSON.stringify(shares));
  expectShares('dec.top-k-filter', shares);
  const ties = samples.filter((s) => s.cls === 'ties');
  const tied = ties.filter((s) => { const x = s.logits.slice().sort((a, b) => b - a); return s.k < x.length && x[s.k - 1] === x[s.k]; }).length / ties.length;
  console.log('share of ties-class inputs with a tie at the k-th place', tied);
  expect(tied).toBeGreaterThan(0.5);
  expect(samples.filter((s) => s.cls === 'k-covers').every((s) => s.k >= s.logits.length)).toBe(true);
  expect(Math.max(...samples.map((s) => s.logits.length))).toBeGreaterThan(30000);
});
