/** loss.reward-pairwise generator: declared class shares over 10,000 samples; each class has the property it is named after. */
import { test, expect } from 'vitest';
import { rewardArb } from '../../src/properties/rlhf.rm-loss.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('loss.reward-pairwise: classes, margins beyond the exp range, ties, offsets, float64-only values, batch sizes', () => {
  const { samples, shares } = sampleTagged(rewardArb, 31337);
  console.log('loss.reward-pairwise shares', JSON.stringify(shares));
  expectShares('loss.reward-pairwise', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const margins = (c: { chosen: number[]; rejected: number[] }) => c.chosen.map((v, i) => v - c.rejected[i]!);
  expect(of('large-margin').every((c) => margins(c).every((m) => Math.abs(m) >= 80))).toBe(true);
  // both signs: rejected far above chosen overflows exp in the naive form
  expect(of('large-margin').filter((c) => margins(c).some((m) => m < -88.8)).length / of('large-margin').length).toBeGreaterThan(0.3);
  expect(of('ties').every((c) => margins(c).every((m) => m === 0))).toBe(true);
  expect(of('large-offset').every((c) => c.chosen.every((v) => Math.abs(v) >= 128))).toBe(true);
  expect(of('float64-only').every((c) => notFloat32(c.chosen))).toBe(true);
  expect(of('realistic').every((c) => c.chosen.length >= 256 && c.chosen.length <= 1024)).toBe(true);
}, 120_000);
