/** Ops of the statistics domain. Descriptive statistics. */
import { defineOp, tensor, oneOf, float } from './schema.js';

export const OPS = [
  defineOp({
    id: 'stats.variance',
    description: 'Σ(x_i − x̄)² / (n − correction); correction 1 is the unbiased S², 0 the biased (maximum-likelihood) variance.',
    args: {
      x: tensor('float', ['n'], { description: 'the sample' }),
      correction: oneOf([0, 1], '1: divide by n − 1 (unbiased S²); 0: divide by n'),
    },
    result: float('the variance; NaN when n − correction ≤ 0'),
  }),
] as const;
