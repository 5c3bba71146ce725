/** Ops of the state-space domain. State-space models: kernel and FFT convolutions. */
import type { OpDef } from '../registry/types.js';

export const OPS: readonly OpDef[] = [
  {
    id: 'ssm.kernel-conv',
    signature: '{ A: number[n][n], B: number[n], C: number[n], D: number, u: number[L] } → number[L]',
    description: 'Output of the single-input single-output state-space model x_{k+1} = A x_k + B u_k, y_k = C x_k + D u_k from x_0 = 0, k = 0, …, L−1 (computed by unrolling the recurrence).',
    tensors: { A: 'float', B: 'float', C: 'float', u: 'float' },
  },
  {
    id: 'ssm.fft-conv',
    signature: '{ k: number[L], u: number[L] } → number[L]',
    description: 'Causal convolution y_j = Σ_{l=0}^{j} k_l u_{j−l} (j < L) computed as the inverse FFT of the product of the FFTs of the zero-padded sequences.',
    tensors: { k: 'float', u: 'float' },
  },
];
