// Correct: the recurrence in plain JS in the request dtype (B u_k first, then the A x_k terms); fft-conv by direct summation.
import { rounder, recurrence, directConv } from './_ssm.mjs';
export const meta = { op: 'ssm.kernel-conv', kind: 'correct', class: 'recurrence', description: 'x <- A x + B u, y = C x + D u, every operation rounded to the dtype' };
export default {
  name: 'zoo-ssm-js-recurrence', dtypes: ['float32', 'float64'],
  ops: {
    'ssm.kernel-conv': (a, dtype) => recurrence(a, rounder(dtype)),
    'ssm.fft-conv': ({ k, u }, dtype) => directConv(k, u, rounder(dtype)),
  },
};
