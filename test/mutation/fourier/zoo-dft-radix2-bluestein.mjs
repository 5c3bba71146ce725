// iterative radix-2 FFT in the dtype with twiddles rounded to the dtype; Bluestein (chirp-z through radix-2 FFTs) for other lengths
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.dft', kind: 'correct', class: 'FFT in the dtype', description: 'iterative radix-2 FFT in the dtype with twiddles rounded to the dtype; Bluestein (chirp-z through radix-2 FFTs) for other lengths' };
export default { name: 'zoo-dft-radix2-bluestein', dtypes: ['float32', 'float64'], ops: { 'fourier.dft': (a, d) => dftPairs(a.x, d, { other: 'bluestein' }) } };
