/** Ops of the attention domain. Attention: scaled dot-product attention. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'attn.sdpa',
    signature: '{ q: number[T][d], k: number[S][d], v: number[S][e], causal: boolean } → number[T][e]',
    description: 'Scaled dot-product attention softmax(QKᵀ/√d)V; with causal = true, query t attends to keys s ≤ t (requires T = S).',
    tensors: { q: 'float', k: 'float', v: 'float' },
  },
];
