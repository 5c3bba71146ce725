/**
 * Power: each statistical property rejects a stated wrong value. The wrong implementations are
 * built from tfjs like any implementation under test (they import no oracle). All deterministic.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { Implementation } from '../../src/registry/types.js';
import { createTfjsImplementation } from '../../src/impl/tfjs/index.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { runProperty } from '../../src/runner/run-property.js';
import { checkNormalMean, checkNormalVariance, checkTTestSize, type SizeInput } from '../../src/properties/stats.t-test.js';
import { checkMaskRate, checkExpectedLoss } from '../../src/properties/reg.dropout-ridge.js';
import { Rational } from '../../src/numerics/rational.js';
import { tSizeForC2 } from '../../src/properties/stats.t-test.js';
import { checkReparamMc } from '../../src/properties/grad.reparam.js';

let base: Implementation;
beforeAll(async () => { base = await createTfjsImplementation('cpu'); });
const withOp = (op: string, fn: (a: any) => any): Implementation => ({ ...base, name: `wrong-${op}`, ops: { ...base.ops, [op]: fn } });
const SEEDS = [1, 2, 3, 42, 20231109];

function prop(id: string) {
  const [c, n] = id.split('/') as [string, string];
  return { c, p: CLAIM_MODULES.find((m) => m.id === c)!.properties.find((q) => q.name === n)! };
}

describe('power against stated wrong values', () => {
  it('random.normal with std × 1.1: the χ² variance test rejects (and the correct one passes)', () => {
    const wrong = withOp('random.normal', (a) => base.ops['random.normal']!({ ...a, std: a.std * 1.1 }));
    for (const seed of SEEDS) for (const [mean, std] of [[0, 1], [1.5, 0.5], [-3, 2]] as const) {
      expect(checkNormalVariance({ seed, mean, std }, wrong).ok).toBe(false);
      expect(checkNormalVariance({ seed, mean, std }, base).ok).toBe(true);
    }
    const { c, p } = prop('stats.t-test/normal-variance');
    const r = runProperty(c, p, wrong, { seed: 7, runs: p.runs!, backend: 'cpu' });
    expect(r.verdict).toBe('fail');
    expect(r.detail).toMatch(/Laurent–Massart/);
  });
  it('grad.reparam Monte Carlo: a sampler with mean 0.1 instead of 0 (a biased gradient estimator: shift 0.2σ against a critical value ≈ 0.09σ) is rejected', () => {
    const wrong = withOp('random.normal', (a) => base.ops['random.normal']!({ ...a, mean: a.mean + 0.1 }));
    for (const seed of SEEDS) for (const [mu, sigma] of [[0, 1], [0.5, 0.25], [-1.25, 2], [3, 1]] as const) {
      expect(checkReparamMc({ seed, mu, sigma }, wrong).ok).toBe(false);
      expect(checkReparamMc({ seed, mu, sigma }, base).ok).toBe(true);
    }
    const { c, p } = prop('grad.reparam/monte-carlo');
    expect(runProperty(c, p, wrong, { seed: 7, runs: p.runs!, backend: 'cpu' }).verdict).toBe('fail');
  });
  it('random.normal with mean shifted by 0.1σ: the exact z-test rejects', () => {
    const wrong = withOp('random.normal', (a) => base.ops['random.normal']!({ ...a, mean: a.mean + 0.1 * a.std }));
    for (const seed of SEEDS) for (const [mean, std] of [[0, 1], [1.5, 0.5], [-3, 2], [0.25, 0.125]] as const) {
      expect(checkNormalMean({ seed, mean, std }, wrong).ok).toBe(false);
      expect(checkNormalMean({ seed, mean, std }, base).ok).toBe(true);
    }
    const { c, p } = prop('stats.t-test/normal-mean');
    expect(runProperty(c, p, wrong, { seed: 7, runs: p.runs!, backend: 'cpu' }).verdict).toBe('fail');
  });
  it('t-test with the NORMAL critical value 1.96 claimed to have size 0.05 at n = 5 is rejected (its exact size is ≈ 0.12)', () => {
    const true12 = tSizeForC2(4, Rational.parse('3.8416'));
    expect(true12.lo.toFloat64()).toBeGreaterThan(0.12);
    for (const seed of SEEDS) {
      const inp: SizeInput = { seed, nu: 4, s: Rational.of(81, 100), mu0: 0, sigma: 1 };
      const out = checkTTestSize(inp, base, { c2: 3.8416, size: 0.05, label: 'claimed size 0.05 (normal theory)' });
      expect(out.ok).toBe(false);
      // the exact size of the same critical value is accepted
      expect(checkTTestSize(inp, base, { c2: 3.8416, size: true12.lo.toFloat64(), label: 'exact' }).ok).toBe(true);
    }
  });
  it('a t-test simulated from samples with the wrong spread at n = 3 (σ·√3 on one sample of three) is rejected', () => {
    // inflating the first sample of each replicate breaks the iid assumption: the size changes
    const wrong = withOp('random.normal', (a) => {
      const x = base.ops['random.normal']!(a) as number[];
      return x.map((v, i) => (i % 3 === 0 ? a.mean + (v - a.mean) * 3 : v));
    });
    const inp: SizeInput = { seed: 5, nu: 2, s: Rational.of(9, 10), mu0: 0, sigma: 1 };
    expect(checkTTestSize(inp, wrong).ok).toBe(false);
  });
  it('Bernoulli masks that keep with probability 1 − p (dropout-rate confusion): the rate test rejects', () => {
    const wrong = withOp('random.bernoulli-mask', (a) => base.ops['random.bernoulli-mask']!({ ...a, p: 1 - a.p }));
    for (const seed of SEEDS) for (const p of [0.25, 0.75, 0.875, 0.125]) {
      expect(checkMaskRate({ seed, p }, wrong).ok).toBe(false);
      expect(checkMaskRate({ seed, p }, base).ok).toBe(true);
    }
    const { c, p } = prop('reg.dropout-ridge/expected-loss');
    const X = [[3, 3]], y = [0], w = [2, 2];
    expect(checkExpectedLoss({ seed: 1, X, y, w, p: 0.75, variant: 'plain' }, wrong).ok).toBe(false);
    expect(runProperty(c, p, wrong, { seed: 7, runs: 20, backend: 'cpu' }).verdict).toBe('fail');
  });
  it('masks WITHOUT the 1/p rescale do not average to the inverted-dropout expectation ‖y − Xw‖² + ((1−p)/p)‖Γw‖²', () => {
    const X = [[3, 3]], y = [0], w = [2, 2];
    for (const seed of SEEDS) {
      // plain masks: E = 54 at p = 1/2; the inverted expectation is 216
      expect(checkExpectedLoss({ seed, X, y, w, p: 0.5, variant: 'plain' }, base, 'inverted').ok).toBe(false);
      expect(checkExpectedLoss({ seed, X, y, w, p: 0.5, variant: 'plain' }, base).ok).toBe(true);
      expect(checkExpectedLoss({ seed, X, y, w, p: 0.5, variant: 'inverted' }, base).ok).toBe(true);
    }
  });
  it('a mask op returning 1/p for kept entries (inverted dropout in the wrong op) is rejected outright', () => {
    const wrong = withOp('random.bernoulli-mask', (a) => (base.ops['random.bernoulli-mask']!(a) as number[]).map((v) => v / a.p));
    expect(checkMaskRate({ seed: 1, p: 0.5 }, wrong).detail).toMatch(/exactly 0 or 1/);
  });
});
