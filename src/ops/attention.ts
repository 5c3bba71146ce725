/** Ops of the attention domain. Attention: scaled dot-product attention. */
import { defineOp, tensor, boolean } from './schema.js';

export const OPS = [
  defineOp({
    id: 'attn.sdpa',
    description: 'Scaled dot-product attention softmax(QKᵀ/√d)V; with causal = true, query t attends to keys s ≤ t (requires T = S).',
    args: {
      q: tensor('float', ['T', 'd'], { description: 'queries, one per row' }),
      k: tensor('float', ['S', 'd'], { description: 'keys, one per row' }),
      v: tensor('float', ['S', 'e'], { description: 'values, one per row' }),
      causal: boolean('mask keys s > t (a query attends to itself and earlier positions)'),
    },
    result: tensor('float', ['T', 'e']),
    constraints: [{ text: 'T = S when causal', holds: (d, a) => !a['causal'] || d['T'] === d['S'] }],
  }),
] as const;
