/** lstm.cell generator: declared class shares, m and n reach their maxima, saturated inputs overflow exp in float32. */
import { test, expect } from 'vitest';
import { lstmArb, LSTM_MAX_M, LSTM_MAX_N } from '../../src/properties/lstm.cell.js';
import { sampleTagged, expectShares, notFloat32 } from './_tagged.js';

test('lstm.cell: classes, sizes, float64-only values, saturation', () => {
  const { samples, shares } = sampleTagged(lstmArb, 341);
  console.log('lstm.cell shares', JSON.stringify(shares));
  expectShares('lstm.cell', shares);
  expect(Math.max(...samples.map((c) => c.h.length))).toBe(LSTM_MAX_M);
  expect(Math.max(...samples.map((c) => c.x.length))).toBe(LSTM_MAX_N);
  expect(samples.filter((c) => c.cls === 'float64-only').every((c) => notFloat32([...c.x, ...c.h, ...c.c, ...c.Wf.flat()]))).toBe(true);
  // saturated: some bias beyond 88 in magnitude (exp(−a) overflows in float32)
  const sat = samples.filter((c) => c.cls === 'saturated');
  expect(sat.filter((c) => [...c.bf, ...c.bi, ...c.bo].some((b) => Math.abs(b) > 88)).length / sat.length).toBeGreaterThan(0.1);
  expect(samples.filter((c) => c.cls === 'zero-state').every((c) => [...c.h, ...c.c].every((v) => v === 0))).toBe(true);
});
