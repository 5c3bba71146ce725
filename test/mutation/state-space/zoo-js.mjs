// Correct: plain-JS recurrence in the request dtype; fft-conv by a radix-2 complex FFT computed in the dtype (twiddles fl(cos), fl(sin)).
import { rounder, recurrence, fftConv } from './_ssm.mjs';
export const meta = { op: 'ssm.fft-conv', kind: 'correct', class: 'FFT in the working precision', description: 'JS radix-2 complex FFT with every operation rounded to the dtype (float32 FFT in float32 runs); kernel-conv by the JS recurrence' };
export default {
  name: 'zoo-ssm-js-fft', dtypes: ['float32', 'float64'],
  ops: {
    'ssm.fft-conv': ({ k, u }, dtype) => fftConv(k, u, rounder(dtype)),
    'ssm.kernel-conv': (a, dtype) => recurrence(a, rounder(dtype)),
  },
};
