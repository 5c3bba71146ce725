// complex radix-2 FFT of x + 0i in the dtype (Bluestein otherwise), first ⌊N/2⌋ + 1 bins
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.rfft', kind: 'correct', class: 'FFT in the dtype', description: 'complex radix-2 FFT of x + 0i in the dtype (Bluestein otherwise), first ⌊N/2⌋ + 1 bins' };
export default { name: 'zoo-rfft-radix2-bluestein', dtypes: ['float32', 'float64'], ops: { 'fourier.rfft': (a, d) => rfftPairs(a.x, d, { other: 'bluestein' }) } };
