/** pre.squad-best-span generator: declared class shares; the planted classes really exclude the naive answers; SQuAD-window lengths reached. */
import { test, expect } from 'vitest';
import { squadOpArb } from '../../src/properties/pre.squad.js';
import { bestSpanLinear } from '../../src/oracles/pretraining.js';
import { sampleTagged, expectShares } from './_tagged.js';

const argmax = (v: number[]) => v.reduce((b, x, k) => (x > v[b]! ? k : b), 0);

test('pre.squad-best-span: classes, planted limits and reversals, long inputs', () => {
  const { samples, shares } = sampleTagged(squadOpArb, 1414);
  console.log('pre.squad-best-span shares', JSON.stringify(shares));
  expectShares('pre.squad-best-span', shares);
  for (const s of samples.filter((x) => x.cls === 'limited')) {
    const free = bestSpanLinear(s.start, s.end)!;
    expect(free.j - free.i).toBeGreaterThanOrEqual(s.maxLen); // the limit excludes the unconstrained optimum
  }
  for (const s of samples.filter((x) => x.cls === 'reversed')) expect(argmax(s.start)).toBeGreaterThan(argmax(s.end));
  expect(Math.max(...samples.map((s) => s.start.length))).toBeGreaterThanOrEqual(380);
});
