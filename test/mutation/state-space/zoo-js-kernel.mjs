// Correct: kernel K = (D, CB, CAB, ...) by v <- A v, then the direct causal convolution, all in the request dtype.
import { rounder, kernel, directConv, fftConv } from './_ssm.mjs';
export const meta = { op: 'ssm.kernel-conv', kind: 'correct', class: 'kernel then direct convolution', description: 'K by powers in the dtype, then y = K * u by direct summation; fft-conv by the JS float FFT' };
export default {
  name: 'zoo-ssm-js-kernel', dtypes: ['float32', 'float64'],
  ops: {
    'ssm.kernel-conv': (a, dtype) => { const r = rounder(dtype); return directConv(kernel(a, a.u.length, r), a.u, r); },
    'ssm.fft-conv': ({ k, u }, dtype) => fftConv(k, u, rounder(dtype)),
  },
};
