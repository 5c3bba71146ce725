/**
 * stats.variance: the bound covers every standard algorithm — two-pass, Welford, pairwise (Chan)
 * merges — in float32 and float64, on the inputs where they differ most (large common offsets,
 * float64-only values, n up to 4096); the one-pass E[x²] − E[x]² must fail there (it is a bug).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Implementation } from '../../src/registry/types.js';
import { checkVariance, varianceArb } from '../../src/properties/stats.sample-variance.js';
import { castFloats } from '../../src/properties/gen-helpers.js';

type Dt = 'float32' | 'float64';
type Alg = (x: number[], c: 0 | 1, r: (v: number) => number) => number;
const R = { float32: (x: number) => Math.fround(x), float64: (x: number) => x };

const twoPass: Alg = (x, c, r) => {
  let s = 0;
  for (const v of x) s = r(s + v);
  const m = r(s / x.length);
  let q = 0;
  for (const v of x) { const d = r(v - m); q = r(q + r(d * d)); }
  return r(q / (x.length - c));
};
const welford: Alg = (x, c, r) => {
  let m = 0, s = 0;
  x.forEach((v, i) => { const d = r(v - m); m = r(m + r(d / (i + 1))); s = r(s + r(d * r(v - m))); });
  return r(s / (x.length - c));
};
const pairwise: Alg = (x, c, r) => {
  const go = (lo: number, hi: number): { n: number; m: number; s: number } => {
    if (hi - lo === 1) return { n: 1, m: x[lo]!, s: 0 };
    const mid = (lo + hi) >> 1;
    const a = go(lo, mid), b = go(mid, hi);
    const n = a.n + b.n, d = r(b.m - a.m), w = r(b.n / n);
    return { n, m: r(a.m + r(d * w)), s: r(r(a.s + b.s) + r(r(r(d * d) * a.n) * w)) };
  };
  return r(go(0, x.length).s * r(1 / (x.length - c)));
};
const onePass: Alg = (x, c, r) => {
  let s = 0, q = 0;
  for (const v of x) { s = r(s + v); q = r(q + r(v * v)); }
  return r(r(q - r(r(s * s) / x.length)) / (x.length - c));
};

const implOf = (alg: Alg, dtype: Dt): Implementation =>
  ({ name: 'v', dtype, notes: [], ops: { 'stats.variance': (a: { x: number[]; correction: 0 | 1 }) => alg(a.x, a.correction, R[dtype]) }, profile: {} });

const cases = fc.sample(varianceArb, { seed: 77, numRuns: 400 });

describe('stats.variance algorithms', () => {
  for (const dtype of ['float32', 'float64'] as Dt[]) {
    it(`${dtype}: two-pass, Welford and pairwise merges pass every generated input`, () => {
      for (const [name, alg] of [['two-pass', twoPass], ['welford', welford], ['pairwise', pairwise]] as [string, Alg][]) {
        for (const c of cases) {
          const x = castFloats(c.x, dtype);
          const o = checkVariance(x, c.correction, implOf(alg, dtype));
          expect(o.ok, `${name} ${c.cls} n=${x.length}: ${o.detail}`).toBe(true);
        }
      }
    }, 120_000);
    it(`${dtype}: the one-pass formula fails on large offsets${dtype === 'float64' ? ' and float64-only values' : ''}`, () => {
      const cls = dtype === 'float32' ? ['large-offset'] : ['float64-only'];
      const hit = cases.filter((c) => cls.includes(c.cls));
      const failed = hit.filter((c) => !checkVariance(castFloats(c.x, dtype), c.correction, implOf(onePass, dtype)).ok);
      expect(hit.length).toBeGreaterThan(20);
      expect(failed.length / hit.length).toBeGreaterThan(0.5);
    }, 120_000);
  }
});
