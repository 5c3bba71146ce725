// Correct: direct summation of the causal convolution in the request dtype (no FFT at all); kernel-conv by the JS recurrence.
import { rounder, recurrence, directConv } from './_ssm.mjs';
export const meta = { op: 'ssm.fft-conv', kind: 'correct', class: 'direct summation', description: 'y_j = sum_l k_l u_{j-l} summed in the dtype (l from j down to 0)' };
export default {
  name: 'zoo-ssm-js-direct', dtypes: ['float32', 'float64'],
  ops: {
    'ssm.fft-conv': ({ k, u }, dtype) => directConv(k, u, rounder(dtype)),
    'ssm.kernel-conv': (a, dtype) => recurrence(a, rounder(dtype)),
  },
};
