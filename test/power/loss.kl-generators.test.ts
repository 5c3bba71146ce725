/** loss.kl generator: declared class shares over 10,000 samples; each class has the property it is named after. */
import { test, expect } from 'vitest';
import { klArb } from '../../src/properties/ret.kl.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('loss.kl: classes, zeros in p, q = p, tiny q, float64-only values, vocabulary sizes', () => {
  const { samples, shares } = sampleTagged(klArb, 777);
  console.log('loss.kl shares', JSON.stringify(shares));
  expectShares('loss.kl', shares);
  const of = (cls: string) => samples.filter((c) => c.cls === cls);
  expect(of('zeros-in-p').every((c) => c.p.some((v) => v === 0) && c.p.some((v) => v > 0))).toBe(true);
  expect(of('near-equal').filter((c) => c.p.every((v, i) => v === c.q[i])).length / of('near-equal').length).toBeGreaterThan(0.3);
  expect(of('tiny-q').every((c) => Math.min(...c.q) < 1e-3)).toBe(true);
  expect(of('float64-only').every((c) => notFloat32(c.p))).toBe(true);
  expect(of('realistic').every((c) => c.p.length >= 1000 && c.p.length <= 2048)).toBe(true);
  expect(samples.every((c) => c.q.every((v) => v > 0))).toBe(true);
}, 120_000);
