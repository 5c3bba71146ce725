/** Ops of the sampling domain. Seeded samplers (checked as distributions, no golden fixtures). */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'random.normal',
    signature: '(n: int, mean: float, std: float, seed: int) → n',
    description: 'n samples, intended iid N(mean, std²), deterministic given the integer seed (tfjs: tf.randomNormal([n], mean, std, dtype, seed)). ' +
      'Checked statistically: exact z-test on the sample mean, χ² (Laurent–Massart) test on Σ(x−mean)², and the size of the one-sample t-test; ' +
      'each test at the per-check level of the family-wise budget (src/statistics/budget.ts).',
    tensors: {},
  },
  {
    id: 'random.bernoulli-mask',
    signature: '(n: int, p: float, seed: int) → n',
    description: 'n values in {0, 1}, intended iid Bernoulli(p) (1 = kept; a dropout mask WITHOUT the 1/p rescale), deterministic given the seed ' +
      '(tfjs: tf.randomUniform([n], 0, 1, float32, seed) < p). Every value must be exactly 0 or 1; the rate and dropout expectations are checked with Hoeffding tests.',
    tensors: {},
  },
];
