/** The dec.top-p-filter tolerance (src/numerics/bounds-topp.ts): float32 HF and descending algorithms pass; δ = 0 would reject a correct float32 run; real bugs fail. */
import { test, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../../src/numerics/rational.js';
import { checkTopP, type TopPArgs } from '../../src/properties/dec.top-p.js';
import { nucleusSize, toppDelta } from '../../src/numerics/bounds-topp.js';

const f = Math.fround;
/** HF ascending removal with every sum rounded to float32. */
function hf32({ probs, p }: TopPArgs): number[] {
  const idx = probs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const m = probs.map(() => 1); let c = 0; const thr = f(1 - p);
  for (let r = 0; r < idx.length - 1; r++) { c = f(c + idx[r]![0]); if (c <= thr) m[idx[r]![1]] = 0; }
  return m;
}
/** Descending cumulative sum in float32. */
function desc32({ probs, p }: TopPArgs): number[] {
  const idx = probs.map((x, i) => [x, i] as const).sort((a, b) => b[0] - a[0]);
  const m = probs.map(() => 0); let c = 0;
  for (const [x, i] of idx) { m[i] = 1; c = f(c + x); if (c >= p) break; }
  return m;
}
const probsArb = fc.integer({ min: 1, max: 20 }).chain((V) => fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: V, maxLength: V }))
  .map((w) => { const t = w.reduce((a, b) => a + b, 0); return t === 0 ? w.map((_, i) => (i === 0 ? 1 : 0)) : w.map((x) => f(x / t)); });

test('correct float32 algorithms pass on float32 probabilities, exact thresholds included', () => {
  fc.assert(fc.property(probsArb, fc.integer({ min: 1, max: 20 }), fc.boolean(), (probs, k, atPrefix) => {
    const sorted = probs.slice().sort((a, b) => b - a);
    const p = atPrefix ? f(Math.min(1, sorted.slice(0, Math.ceil(k / 2)).reduce((a, b) => f(a + b), 0))) || 0.05 : k / 20;
    const a = { probs, p };
    expect(checkTopP(a, hf32(a), 'float32').ok).toBe(true);
    expect(checkTopP(a, desc32(a), 'float32').ok).toBe(true);
  }), { seed: 61206, numRuns: 400 });
});

test('δ = 0 would reject a correct float32 answer; the derived δ accepts it', () => {
  // 0.1 is not dyadic: the float32 sums 0.1 + 0.1 + 0.1 … cross p = 0.3 one word early or late
  let found = false;
  for (let n = 3; n <= 12 && !found; n++) for (let k = 1; k < n && !found; k++) {
    const probs = Array.from({ length: n }, () => f(1 / n));
    const p = f(k / n);
    const a = { probs, p };
    for (const got of [hf32(a), desc32(a)]) {
      const m = got.filter((x) => x === 1).length;
      const exactM = nucleusSize(probs.map((x) => Rational.fromFloat64(x)), Rational.fromFloat64(p));
      if (m !== exactM) { found = true; expect(checkTopP(a, got, 'float32').ok).toBe(true); expect(toppDelta(probs, p, 'float32').isZero()).toBe(false); }
    }
  }
  expect(found).toBe(true);
});

test('bugs fail: strict threshold at an exact dyadic threshold, unsorted prefix', () => {
  const a = { probs: [0.5, 0.25, 0.125, 0.125], p: 0.75 };
  expect(checkTopP(a, [1, 1, 0, 0], 'float32').ok).toBe(true);
  expect(checkTopP(a, [1, 1, 1, 0], 'float32').ok).toBe(false); // "> p": one word too many
  expect(checkTopP({ probs: [0.125, 0.5, 0.375], p: 0.5 }, [1, 1, 0], 'float32').ok).toBe(false); // not a top set
});
