// radix-2 FFT without the bit-reversal permutation
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.rfft', kind: 'bug', class: 'FFT indexing', description: 'radix-2 FFT without the bit-reversal permutation' };
export default { name: 'bug-rfft-no-bit-reversal', dtypes: ['float32', 'float64'], ops: { 'fourier.rfft': (a, d) => rfftPairs(a.x, d, { noBitReversal: true }) } };
