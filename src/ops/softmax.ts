/** Ops of the softmax domain. Softmax. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'nn.softmax',
    signature: '{ x: number[n] } → number[n]',
    description: 'softmax(x)_i = exp(x_i) / Σ_j exp(x_j).',
    tensors: { x: 'float' },
  },
];
