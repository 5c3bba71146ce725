// bin count Math.round(N/2) + 1: one bin too many for odd N
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.rfft', kind: 'bug', class: 'one-sided length', description: 'bin count Math.round(N/2) + 1: one bin too many for odd N' };
export default { name: 'bug-rfft-odd-length', dtypes: ['float32', 'float64'], ops: { 'fourier.rfft': (a, d) => rfftPairs(a.x, d, { bins: (n) => Math.min(n, Math.round(n / 2) + 1) }) } };
