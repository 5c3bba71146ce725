// Bug: the kernel is not reversed — a cross-correlation y_j = Σ_l k_l u_{j+l} (what conv1d computes) instead of the convolution.
import { rounder } from './_ssm.mjs';
export const meta = { op: 'ssm.fft-conv', kind: 'bug', class: 'correlation vs convolution', description: 'y_j = sum_l k_l u_{j+l} (kernel not flipped)' };
export default {
  name: 'bug-ssm-fft-kernel-reversed', dtypes: ['float32', 'float64'],
  ops: { 'ssm.fft-conv': ({ k, u }, dtype) => { const r = rounder(dtype); return u.map((_, j) => { let s = 0; for (let l = 0; j + l < u.length; l++) s = r(s + r(k[l] * u[j + l])); return s; }); } },
};
