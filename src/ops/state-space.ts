/** Ops of the state-space domain. State-space models: kernel and FFT convolutions. */
import { defineOp, tensor, number } from './schema.js';

export const OPS = [
  defineOp({
    id: 'ssm.kernel-conv',
    description: 'Output of the single-input single-output state-space model x_{k+1} = A x_k + B u_k, y_k = C x_k + D u_k from x_0 = 0, k = 0, …, L−1 (computed by unrolling the recurrence).',
    args: {
      A: tensor('float', ['n', 'n'], { description: 'state matrix' }),
      B: tensor('float', ['n'], { description: 'input vector' }),
      C: tensor('float', ['n'], { description: 'output vector' }),
      D: number({ description: 'feed-through' }),
      u: tensor('float', ['L'], { description: 'input sequence' }),
    },
    result: tensor('float', ['L']),
  }),
  defineOp({
    id: 'ssm.fft-conv',
    description: 'Causal convolution y_j = Σ_{l=0}^{j} k_l u_{j−l} (j < L) computed as the inverse FFT of the product of the FFTs of the zero-padded sequences.',
    args: {
      k: tensor('float', ['L'], { description: 'kernel' }),
      u: tensor('float', ['L'], { description: 'input sequence' }),
    },
    result: tensor('float', ['L']),
  }),
] as const;
