/** Ops of the convolution domain. Convolution and pooling: output shapes and the filter gradient. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'cnn.conv2d-shape',
    signature: '{ height, width, kernel: [kh, kw], stride: [sh, sw], padding: [ph, pw] } → [outH, outW]',
    description: 'Output spatial size of a 2-D convolution with symmetric zero padding p on each side.',
    tensors: {},
  },
  {
    id: 'cnn.pool2d-shape',
    signature: '{ height, width, kernel: [kh, kw], stride: [sh, sw] } → [outH, outW]',
    description: 'Output spatial size of 2-D max pooling without padding (floor mode, "valid"): ⌊(W − K)/S⌋ + 1 per axis.',
    tensors: {},
  },
  {
    id: 'cnn.conv2d-filter-grad',
    signature: '(x: H×W, dy: H′×W′, kernel: [kh, kw], stride: int, padding: "valid"|"same") → kh×kw',
    description: 'Filter gradient dW = ∂/∂W Σ_{i,j} dy_{i,j}·conv2d(x, W)_{i,j} of a one-channel, batch-1 2-D cross-correlation (TensorFlow padding convention; dy has the conv output shape), computed by automatic differentiation. ' +
      'tfjs: tf.grad of sum(conv2d(x, W) * dy) w.r.t. W (the Conv2DBackpropFilter kernel); the wasm backend has no such kernel, so on wasm this op runs on the cpu backend (switched for the call and restored).',
    tensors: { x: 'float', dy: 'float' },
  },
];
