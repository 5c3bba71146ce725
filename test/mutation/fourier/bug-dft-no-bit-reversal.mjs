// radix-2 FFT without the bit-reversal permutation (direct DFT for other lengths)
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.dft', kind: 'bug', class: 'FFT indexing', description: 'radix-2 FFT without the bit-reversal permutation (direct DFT for other lengths)' };
export default { name: 'bug-dft-no-bit-reversal', dtypes: ['float32', 'float64'], ops: { 'fourier.dft': (a, d) => dftPairs(a.x, d, { noBitReversal: true }) } };
