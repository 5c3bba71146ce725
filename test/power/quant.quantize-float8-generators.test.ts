/** The float8 QuantizeLinear / DequantizeLinear generators (quantizeFloat8Arb, dequantizeFloat8Arb): every class is frequent. */
import { test, expect } from 'vitest';
import fc from 'fast-check';
import { quantizeFloat8Arb, quantizeFloat8Classes, dequantizeFloat8Arb, FLOAT8_FORMATS } from '../../src/properties/quant.minifloat.js';
import { shares } from './_shares.js';

// exact-ties: fl(x/s) exactly a float8 midpoint (power-of-two scales); double-rounding: fl32(x/s) a midpoint that x/s is not
const MIN: Record<string, number> = { saturate: 0.4, 'no-saturate': 0.4, 'exact-ties': 0.3, 'double-rounding': 0.2, overflow: 0.4, 'quotient-overflow': 0.2, zeros: 0.2, 'per-axis': 0.1, blocked: 0.1 };

test('quant.quantize float8: saturate flags, exact ties, double roundings, overflow, float32 quotient overflow, zeros, per-axis and blocked at their minimum shares', () => {
  const { counts } = shares(quantizeFloat8Arb, quantizeFloat8Classes, 8, 1000);
  const measured = Object.fromEntries(Object.keys(MIN).map((k) => [k, (counts.get(k) ?? 0) / 1000]));
  console.log('quant.quantize float8 shares', JSON.stringify(measured));
  for (const [k, m] of Object.entries(MIN)) expect(measured[k], k).toBeGreaterThanOrEqual(m);
  const formats = new Set(fc.sample(quantizeFloat8Arb, { seed: 9, numRuns: 200 }).map((a) => a.format));
  expect([...formats].sort()).toEqual([...FLOAT8_FORMATS].sort());
});

test('quant.dequantize float8: every format, every finite code somewhere, subnormal results', () => {
  const xs = fc.sample(dequantizeFloat8Arb, { seed: 10, numRuns: 400 });
  expect(new Set(xs.map((a) => a.format)).size).toBe(4);
  expect(xs.filter((a) => a.q.length >= 200).length / xs.length).toBeGreaterThan(0.3); // the all-codes case
  expect(xs.some((a) => a.scale < 2 ** -110)).toBe(true);
});
