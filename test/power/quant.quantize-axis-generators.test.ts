/** The per-axis / blocked layout generator of quant.quantize and quant.dequantize (quantizeAxisArb): every layout class is frequent. */
import { test, expect } from 'vitest';
import { quantizeAxisArb, layoutClasses } from '../../src/properties/quant.affine-roundtrip.js';
import { shares } from './_shares.js';

const MIN: Record<string, number> = { 'per-axis': 0.4, blocked: 0.4, 'partial-block': 0.2, 'negative-axis': 0.4, '2-bit': 0.1, 'rank-2+': 0.5 };

test('quant.quantize layout: per-axis, blocked, partial blocks, negative axes, 2-bit ranges and rank ≥ 2 at their minimum shares', () => {
  const { counts, samples } = shares(quantizeAxisArb, layoutClasses, 110, 2000);
  const measured = Object.fromEntries(Object.keys(MIN).map((k) => [k, (counts.get(k) ?? 0) / 2000]));
  console.log('quant.quantize layout shares', JSON.stringify(measured));
  for (const [k, m] of Object.entries(MIN)) expect(measured[k], k).toBeGreaterThanOrEqual(m);
  expect(samples.some((a) => a.x.length >= 100)).toBe(true);
});
