/** loss.dpo generator: declared class shares over 10,000 samples; each class has the property it is named after. */
import { test, expect } from 'vitest';
import { dpoArb } from '../../src/properties/rlhf.dpo.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('loss.dpo: classes, policy = reference, margins beyond the exp range, swapped preferences, float64-only values, batch sizes', () => {
  const { samples, shares } = sampleTagged(dpoArb, 2023);
  console.log('loss.dpo shares', JSON.stringify(shares));
  expectShares('loss.dpo', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  const h = (c: { policyChosen: number[]; policyRejected: number[]; refChosen: number[]; refRejected: number[]; beta: number }) =>
    c.policyChosen.map((v, i) => c.beta * ((v - c.refChosen[i]!) - (c.policyRejected[i]! - c.refRejected[i]!)));
  expect(of('equal-policy').every((c) => h(c).every((v) => v === 0))).toBe(true);
  expect(of('large-margin').every((c) => h(c).every((v) => Math.abs(v) >= 80))).toBe(true);
  expect(of('large-margin').filter((c) => h(c).some((v) => v < -88.8)).length / of('large-margin').length).toBeGreaterThan(0.3);
  expect(of('swapped-sign').every((c) => h(c).every((v) => v < 0))).toBe(true);
  expect(of('float64-only').every((c) => notFloat32(c.policyChosen))).toBe(true);
  expect(of('realistic').every((c) => c.policyChosen.length >= 64 && c.policyChosen.length <= 256)).toBe(true);
}, 120_000);
