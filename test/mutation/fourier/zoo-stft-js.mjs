// periodic Hann rounded to the dtype, frames without padding, radix-2 FFT (Bluestein otherwise) in the dtype
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.stft', kind: 'correct', class: 'frame, window, FFT in the dtype', description: 'periodic Hann rounded to the dtype, frames without padding, radix-2 FFT (Bluestein otherwise) in the dtype' };
export default { name: 'zoo-stft-js', dtypes: ['float32', 'float64'], ops: { 'fourier.stft': (a, d) => stftPairs(a, d, { dft: { other: 'bluestein' } }) } };
