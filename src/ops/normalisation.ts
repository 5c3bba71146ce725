/** Ops of the normalisation domain. Normalisation layers: layer norm forward, batch-norm backward. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'norm.layernorm',
    signature: '{ x: number[N][D], gamma: number[D], beta: number[D], eps: number } → number[N][D]',
    description: 'y = γ ⊙ (x − μ)/√(σ² + ε) + β over the last axis, σ² the biased (1/D) variance.',
    tensors: { x: 'float', gamma: 'float', beta: 'float' },
  },
  {
    id: 'bn.backward',
    signature: '(x: N×D, gamma: D, beta: D, dy: N×D, eps: float) → {dx: N×D, dgamma: D, dbeta: D}',
    description: 'Gradients of L = Σ dy ⊙ y for training-mode batch norm over the batch axis, y = γ(x − μ)/√(σ² + ε) + β with μ, σ² the batch mean and biased (1/N) variance per feature, computed by automatic differentiation (tfjs: tf.grads of the forward written with mean, sub, square, sqrt, div, mul, add).',
    tensors: { x: 'float', gamma: 'float', beta: 'float', dy: 'float' },
  },
];
