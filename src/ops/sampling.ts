/** Ops of the sampling domain. Seeded samplers (checked as distributions, no golden fixtures). */
import { defineOp, tensor, integer, number } from './schema.js';

export const OPS = [
  defineOp({
    id: 'random.normal',
    description: 'n samples, intended iid N(mean, std²), deterministic given the integer seed (tfjs: tf.randomNormal([n], mean, std, dtype, seed)). ' +
      'Checked statistically: exact z-test on the sample mean, χ² (Laurent–Massart) test on Σ(x−mean)², and the size of the one-sample t-test; ' +
      'each test at the per-check level of the family-wise budget (src/statistics/budget.ts).',
    args: {
      n: integer({ minimum: 0, dim: 'n', description: 'number of samples' }),
      mean: number(),
      std: number({ minimum: 0 }),
      seed: integer({ description: 'the samples are a function of the arguments' }),
    },
    result: tensor('float', ['n']),
  }),
  defineOp({
    id: 'random.bernoulli-mask',
    description: 'n values in {0, 1}, intended iid Bernoulli(p) (1 = kept; a dropout mask WITHOUT the 1/p rescale), deterministic given the seed ' +
      '(tfjs: tf.randomUniform([n], 0, 1, float32, seed) < p). Every value must be exactly 0 or 1; the rate and dropout expectations are checked with Hoeffding tests.',
    args: {
      n: integer({ minimum: 0, dim: 'n', description: 'number of values' }),
      p: number({ minimum: 0, maximum: 1, description: 'keep probability' }),
      seed: integer(),
    },
    result: tensor('float', ['n'], { description: 'each exactly 0 or 1 (a value rule, checked by the properties)' }),
  }),
] as const;
