/**
 * The attn.linear bound derivation (src/numerics/bounds-linear-attn.ts) is tested both ways: the correct
 * algorithms of the mutation corpus (quadratic, feature map with prefix sums, reciprocal) pass on generated
 * inputs in float32 and float64, and wrong variants (float32 arithmetic in a float64 run, the kernel without
 * + 1, the feature map without √2) fail. Also: the exact T5 bucket equals the reference table everywhere.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { linAttnArb, linAttnArgs, compareLinAttn } from '../../src/properties/attn.linear-attn.js';
import { precisionOf } from '../../src/numerics/bounds.js';
import { T5_CONFIGS, T5_REFERENCE_R } from '../../src/properties/attn.t5-bias.js';
import { t5BucketExact } from '../../src/oracles/attention.js';
// @ts-expect-error — plain JS helpers of the mutation corpus
import { quadratic, features } from '../mutation/attention/_linear.mjs';

type Alg = (a: unknown, dtype: 'float32' | 'float64') => number[][];
const cases = fc.sample(linAttnArb.filter((c) => c.cls !== 'wide'), { seed: 424242, numRuns: 40 });

function judge(alg: Alg, dtype: 'float32' | 'float64') {
  return cases.map((c0) => {
    const c = linAttnArgs(c0, dtype);
    return compareLinAttn(c, alg(c, dtype), precisionOf({ dtype }));
  });
}

describe('attn.linear bound', () => {
  const correct: [string, Alg][] = [
    ['quadratic', (a, d) => quadratic(a, d)],
    ['features', (a, d) => features(a, d)],
    ['reciprocal', (a, d) => quadratic(a, d, { reciprocal: true })],
  ];
  for (const [name, alg] of correct) {
    for (const dtype of ['float32', 'float64'] as const) {
      it(`${name} passes in ${dtype}`, () => {
        const bad = judge(alg, dtype).find((o) => !o.ok);
        expect(bad?.detail ?? 'ok').toBe('ok');
      });
    }
  }
  it('float32 arithmetic in a float64 run fails', () => {
    expect(judge((a) => features(a, 'float32'), 'float64').some((o) => !o.ok)).toBe(true);
  });
  it('the kernel without + 1 fails', () => {
    expect(judge((a, d) => quadratic(a, d, { sim: (s: number, r: (x: number) => number) => r(s * s) }), 'float32').some((o) => !o.ok)).toBe(true);
  });
  it('the feature map without √2 fails', () => {
    expect(judge((a, d) => features(a, d, { coef: () => 1 }), 'float64').some((o) => !o.ok)).toBe(true);
  });
});

describe('attn.t5-bias reference table', () => {
  it('the exact bucket equals the T5 reference for every j − i in [−300, 300] and every configuration', () => {
    for (const cf of T5_CONFIGS) {
      expect(cf.table.length).toBe(2 * T5_REFERENCE_R + 1);
      const got = cf.table.map((_, i) => t5BucketExact(i - T5_REFERENCE_R, cf.bidirectional, cf.numBuckets, cf.maxDistance));
      expect(got, cf.key).toEqual(cf.table);
    }
  });
});
