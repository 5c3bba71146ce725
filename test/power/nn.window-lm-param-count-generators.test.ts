/** nn.window-lm-param-count generator: declared class shares, every size reaches its maximum, counts beyond 2³¹. */
import { test, expect } from 'vitest';
import { lmArb } from '../../src/properties/rnn.window-lm-params.js';
import { windowLmParams } from '../../src/oracles/recurrent.js';
import { sampleTagged, expectShares } from './_tagged.js';

test('nn.window-lm-param-count: classes, maxima, counts beyond int32', () => {
  const { samples, shares } = sampleTagged(lmArb, 351);
  console.log('nn.window-lm-param-count shares', JSON.stringify(shares));
  expectShares('nn.window-lm-param-count', shares);
  expect(Math.max(...samples.map((a) => a.vocab))).toBe(250_000);
  expect(Math.max(...samples.map((a) => a.hidden))).toBe(4096);
  expect(Math.max(...samples.map((a) => a.window))).toBe(10);
  expect(Math.max(...samples.map((a) => a.embed))).toBe(1024);
  expect(Math.min(...samples.map((a) => a.vocab))).toBe(1);
  const big = samples.filter((a) => windowLmParams(a.vocab, a.hidden, a.window, a.embed) >= 2 ** 31).length / samples.length;
  console.log('share of counts >= 2^31', big);
  expect(big).toBeGreaterThan(0.05);
});
