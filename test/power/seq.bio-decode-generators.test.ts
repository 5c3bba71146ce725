/** seq.bio-decode generator: declared class shares; the policy classes really contain the policy cases. */
import { test, expect } from 'vitest';
import { bioDecodeArb } from '../../src/properties/seq.bio.js';
import { bioValid } from '../../src/oracles/sequence.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('seq.bio-decode: classes, I-after-O and type switches present, long sequences', () => {
  const { samples, shares } = sampleTagged(bioDecodeArb, 2025);
  console.log('seq.bio-decode shares', JSON.stringify(shares));
  expectShares('seq.bio-decode', shares);
  const iAfterO = (t: string[]) => t.some((x, i) => x.startsWith('I-') && (i === 0 || t[i - 1] === 'O'));
  const typeSwitch = (t: string[]) => t.some((x, i) => i > 0 && x.startsWith('I-') && t[i - 1] !== 'O' && t[i - 1]!.slice(2) !== x.slice(2));
  expect(samples.filter((s) => s.cls === 'valid').every((s) => bioValid(s.tags))).toBe(true);
  expect(samples.filter((s) => s.cls === 'I-after-O').every((s) => iAfterO(s.tags))).toBe(true);
  expect(samples.filter((s) => s.cls === 'type-switch').every((s) => typeSwitch(s.tags))).toBe(true);
  expect(Math.max(...samples.map((s) => s.tags.length))).toBeGreaterThanOrEqual(500);
});
