/** Ops of the softmax domain. Softmax. */
import { defineOp, tensor } from './schema.js';

export const OPS = [
  defineOp({
    id: 'nn.softmax',
    description: 'softmax(x)_i = exp(x_i) / Σ_j exp(x_j).',
    args: { x: tensor('float', ['n'], { description: 'logits' }) },
    result: tensor('float', ['n']),
  }),
] as const;
