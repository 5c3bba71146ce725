/** Ops of the normalisation domain. Normalisation layers: layer norm forward, batch-norm backward. */
import { defineOp, tensor, number, object } from './schema.js';

export const OPS = [
  defineOp({
    id: 'norm.layernorm',
    description: 'y = γ ⊙ (x − μ)/√(σ² + ε) + β over the last axis, σ² the biased (1/D) variance.',
    args: {
      x: tensor('float', ['N', 'D'], { description: 'N rows normalised independently' }),
      gamma: tensor('float', ['D'], { description: 'scale γ' }),
      beta: tensor('float', ['D'], { description: 'shift β' }),
      eps: number({ minimum: 0, description: 'ε, added to the variance inside the square root' }),
    },
    result: tensor('float', ['N', 'D']),
  }),
  defineOp({
    id: 'bn.backward',
    description: 'Gradients of L = Σ dy ⊙ y for training-mode batch norm over the batch axis, y = γ(x − μ)/√(σ² + ε) + β with μ, σ² the batch mean and biased (1/N) variance per feature, computed by automatic differentiation (tfjs: tf.grads of the forward written with mean, sub, square, sqrt, div, mul, add).',
    args: {
      x: tensor('float', ['N', 'D'], { description: 'batch × features' }),
      gamma: tensor('float', ['D']),
      beta: tensor('float', ['D']),
      dy: tensor('float', ['N', 'D'], { description: '∂L/∂y' }),
      eps: number({ minimum: 0, description: 'ε inside the square root' }),
    },
    result: object({
      dx: tensor('float', ['N', 'D'], { description: '∂L/∂x' }),
      dgamma: tensor('float', ['D'], { description: '∂L/∂γ' }),
      dbeta: tensor('float', ['D'], { description: '∂L/∂β' }),
    }),
  }),
] as const;
