/** The family-wise budget counts every statistical property of the registry, and the tests' critical values are proved. */

/** A property is statistical when it calls a sampling op (`random.*`, dec.sample, pre.mlm-mask: SAMPLING_OP_IDS). */
import { describe, it, expect } from 'vitest';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { SAMPLING_OP_IDS } from '../../src/ops/index.js';
import { STATISTICAL_PROPERTIES, ALPHA_PER_CHECK, FAMILY_WISE_ALPHA, MAX_CHECKS_PER_PROPERTY, familyWiseBound, budgetStatement } from '../../src/statistics/budget.js';
import { zCritical, hoeffdingRadius, hoeffdingTest, chiSquareVarianceTest } from '../../src/statistics/tests.js';
import { erfR } from '../../src/numerics/precise.js';
import { Rational } from '../../src/numerics/rational.js';
import { tTestSize } from '../../src/oracles/statistics.js';

const registered = CLAIM_MODULES.flatMap((m) => m.properties
  .filter((p) => (p.ops ?? []).some((o) => SAMPLING_OP_IDS.includes(o)))
  .map((p) => `${m.id}/${p.name}`));

describe('family-wise budget', () => {
  it('counts exactly the registered statistical properties', () => {
    expect([...registered].sort()).toEqual([...STATISTICAL_PROPERTIES].sort());
  });
  it('splits 1e-6 per run (Bonferroni) and every default run stays within it', () => {
    expect(FAMILY_WISE_ALPHA).toBe(1e-6);
    expect(familyWiseBound(STATISTICAL_PROPERTIES.length * MAX_CHECKS_PER_PROPERTY)).toBeLessThanOrEqual(FAMILY_WISE_ALPHA * (1 + 1e-12));
    const defaultChecks = CLAIM_MODULES.flatMap((m) => m.properties.filter((p) => registered.includes(`${m.id}/${p.name}`)).map((p) => p.runs ?? 100));
    for (const r of defaultChecks) expect(r).toBeLessThanOrEqual(MAX_CHECKS_PER_PROPERTY);
    expect(budgetStatement()).toMatch(/Bonferroni/);
  });
});

describe('critical values', () => {
  it('z(α) = √2·r with erfc(r) ≤ α proved, and r is the first such multiple of 1/256', () => {
    for (const a of [ALPHA_PER_CHECK, 0.05, 1e-3]) {
      const { r, critical } = zCritical(a);
      const oneMinus = Rational.ONE.sub(Rational.fromFloat64(a));
      expect(erfR(r, 96).lo.ge(oneMinus)).toBe(true);
      expect(erfR(r.sub(Rational.of(1, 256)), 96).hi.lt(oneMinus)).toBe(true);
      expect(critical).toBeGreaterThanOrEqual(Math.SQRT2 * r.toFloat64());
    }
    expect(zCritical(0.05).critical).toBeCloseTo(1.96, 1);
  });
  it('Hoeffding radius and the χ² test behave as documented', () => {
    expect(hoeffdingRadius(100, 1, 0.05)).toBeCloseTo(Math.sqrt(Math.log(40) / 200), 10);
    expect(hoeffdingTest({ mean: 0.5, n: 100, lo: 0, hi: 1, target: 0.5, alpha: 0.05 }).reject).toBe(false);
    expect(hoeffdingTest({ mean: 0.9, n: 100, lo: 0, hi: 1, target: 0.5, alpha: 0.05 }).reject).toBe(true);
    expect(chiSquareVarianceTest({ ss: 1000, n: 1000, sigma: 1, alpha: 1e-6 }).reject).toBe(false);
    expect(chiSquareVarianceTest({ ss: 1500, n: 1000, sigma: 1, alpha: 1e-6 }).reject).toBe(true);
    expect(chiSquareVarianceTest({ ss: 600, n: 1000, sigma: 1, alpha: 1e-6 }).reject).toBe(true);
  });
  it('exact t-test sizes: ν = 2, s = 19/20 has size exactly 1/20; ν = 4, s = 81/100 ≈ 0.0507', () => {
    expect(tTestSize(2, Rational.of(19, 20)).size.eq(Rational.of(1, 20))).toBe(true);
    expect(tTestSize(4, Rational.of(81, 100)).size.toFloat64()).toBeCloseTo(0.050721, 5);
    // c = t_{0.975, 4} ≈ 2.7764 gives size 0.05; c² = 4s²/(1−s²) with s = 81/100 gives c ≈ 2.7625
    expect(Math.sqrt(tTestSize(4, Rational.of(81, 100)).c2.toFloat64())).toBeCloseTo(2.7625, 3);
  });
});

describe('allocation of the sampling properties (issue 10, item 5)', () => {
  it('16 statistical properties × 325 checks at α = 1e-6/5200 (13 × 400 before issue 14: the same level); the tests inside a check split α as documented', async () => {
    const { NORMAL_INDEPENDENCE_TESTS, MASK_INDEPENDENCE_TESTS } = await import('../../src/properties/stats.iid-sum-variance.js');
    expect(STATISTICAL_PROPERTIES.length).toBe(16);
    expect(MAX_CHECKS_PER_PROPERTY).toBe(325);
    expect(ALPHA_PER_CHECK).toBe(1e-6 / (13 * 400));
    expect(ALPHA_PER_CHECK).toBeCloseTo(1e-6 / 5200, 20);
    // the counts stated in src/statistics/budget.ts and spec/stats.iid-sum-variance.md
    expect(NORMAL_INDEPENDENCE_TESTS).toBe(72);
    expect(MASK_INDEPENDENCE_TESTS).toBe(36);
    // a default run: 3 checks per property
    expect(familyWiseBound(3 * STATISTICAL_PROPERTIES.length)).toBeLessThan(9.3e-9);
  });
});
