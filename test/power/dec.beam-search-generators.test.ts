/** dec.beam-search generator: declared class shares; ties, EOS competition and length penalties really occur. */
import { test, expect } from 'vitest';
import { beamOpArb } from '../../src/properties/dec.beam.js';
import { beamSearchExact } from '../../src/oracles/decoding.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('dec.beam-search: classes, EOS in the final beam, penalties that change the choice', () => {
  const { samples, shares } = sampleTagged(beamOpArb, 2026, 4000);
  console.log('dec.beam-search shares', JSON.stringify(shares));
  expectShares('dec.beam-search', shares);
  const eos = samples.filter((s) => s.cls === 'eos-early');
  const finishedInBeam = eos.filter((s) => beamSearchExact(s).beam.some((h) => h.y[h.y.length - 1] === s.eos && h.y.length < s.T)).length / eos.length;
  console.log('eos-early cases with a finished hypothesis in the final beam', finishedInBeam);
  expect(finishedInBeam).toBeGreaterThan(0.5);
  const lp = samples.filter((s) => s.cls === 'length-penalty');
  const changed = lp.filter((s) => beamSearchExact(s).best.join() !== beamSearchExact({ ...s, lengthPenalty: 0 }).best.join()).length / lp.length;
  console.log('length-penalty cases where α changes the result', changed);
  expect(changed).toBeGreaterThan(0.1);
  expect(samples.filter((s) => s.cls === 'greedy').every((s) => s.width === 1)).toBe(true);
});
