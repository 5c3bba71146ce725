/** Ops of the convolution domain. Convolution and pooling: output shapes and the filter gradient. */
import { defineOp, tensor, integer, tuple, oneOf } from './schema.js';

const pair = (a: string, b: string, description: string) => tuple([integer({ minimum: 1, description: a }), integer({ minimum: 1, description: b })], description);
const size = () => tuple([integer({ description: 'outH' }), integer({ description: 'outW' })], '[outH, outW]');

export const OPS = [
  defineOp({
    id: 'cnn.conv2d-shape',
    description: 'Output spatial size of a 2-D convolution with symmetric zero padding p on each side.',
    args: {
      height: integer({ minimum: 1 }),
      width: integer({ minimum: 1 }),
      kernel: pair('kh', 'kw', '[kh, kw]'),
      stride: pair('sh', 'sw', '[sh, sw]'),
      padding: tuple([integer({ minimum: 0, description: 'ph' }), integer({ minimum: 0, description: 'pw' })], '[ph, pw], zeros added on each side'),
    },
    result: size(),
  }),
  defineOp({
    id: 'cnn.pool2d-shape',
    description: 'Output spatial size of 2-D max pooling without padding (floor mode, "valid"): ⌊(W − K)/S⌋ + 1 per axis.',
    args: {
      height: integer({ minimum: 1 }),
      width: integer({ minimum: 1 }),
      kernel: pair('kh', 'kw', '[kh, kw]'),
      stride: pair('sh', 'sw', '[sh, sw]'),
    },
    result: size(),
  }),
  defineOp({
    id: 'cnn.conv2d-filter-grad',
    description: 'Filter gradient dW = ∂/∂W Σ_{i,j} dy_{i,j}·conv2d(x, W)_{i,j} of a one-channel, batch-1 2-D cross-correlation (TensorFlow padding convention; dy has the conv output shape), computed by automatic differentiation. ' +
      'tfjs: tf.grad of sum(conv2d(x, W) * dy) w.r.t. W (the Conv2DBackpropFilter kernel); the wasm backend has no such kernel, so on wasm this op runs on the cpu backend (switched for the call and restored).',
    args: {
      x: tensor('float', ['H', 'W'], { description: 'input (one channel, batch 1)' }),
      dy: tensor('float', ['Ho', 'Wo'], { description: '∂L/∂y, the conv output shape' }),
      kernel: tuple([integer({ minimum: 1, dim: 'kh' }), integer({ minimum: 1, dim: 'kw' })], '[kh, kw]'),
      stride: integer({ minimum: 1 }),
      padding: oneOf(['valid', 'same'], 'TensorFlow padding'),
    },
    result: tensor('float', ['kh', 'kw']),
    constraints: [{ text: '[Ho, Wo] is the conv2d output size of [H, W] for the kernel, stride and padding (TensorFlow convention)' }],
  }),
] as const;
