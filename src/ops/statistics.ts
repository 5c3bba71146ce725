/** Ops of the statistics domain. Descriptive statistics. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'stats.variance',
    signature: '{ x: number[n], correction: 0 | 1 } → number',
    description: 'Σ(x_i − x̄)² / (n − correction); correction 1 is the unbiased S², 0 the biased (maximum-likelihood) variance.',
    tensors: { x: 'float' },
  },
];
