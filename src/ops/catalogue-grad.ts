/** Ops of one area (merged into the op catalogue): gradients by automatic differentiation. */
import type { OpDef } from '../registry/types.js';

export const OPS_EXTRA: readonly OpDef[] = [
  {
    id: 'cnn.conv2d-filter-grad',
    signature: '(x: H×W, dy: H′×W′, kernel: [kh, kw], stride: int, padding: "valid"|"same") → kh×kw',
    description: 'Filter gradient dW = ∂/∂W Σ_{i,j} dy_{i,j}·conv2d(x, W)_{i,j} of a one-channel, batch-1 2-D cross-correlation (TensorFlow padding convention; dy has the conv output shape), computed by automatic differentiation. ' +
      'tfjs: tf.grad of sum(conv2d(x, W) * dy) w.r.t. W (the Conv2DBackpropFilter kernel); the wasm backend has no such kernel, so on wasm this op runs on the cpu backend (switched for the call and restored).',
    tensors: { x: 'float', dy: 'float' },
  },
  {
    id: 'bn.backward',
    signature: '(x: N×D, gamma: D, beta: D, dy: N×D, eps: float) → {dx: N×D, dgamma: D, dbeta: D}',
    description: 'Gradients of L = Σ dy ⊙ y for training-mode batch norm over the batch axis, y = γ(x − μ)/√(σ² + ε) + β with μ, σ² the batch mean and biased (1/N) variance per feature, computed by automatic differentiation (tfjs: tf.grads of the forward written with mean, sub, square, sqrt, div, mul, add).',
    tensors: { x: 'float', gamma: 'float', beta: 'float', dy: 'float' },
  },
];
