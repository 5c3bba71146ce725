// symmetric Hann ½ − ½cos(2πm/(M − 1)) (numpy.hanning) instead of the periodic one
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.stft', kind: 'bug', class: 'window convention', description: 'symmetric Hann ½ − ½cos(2πm/(M − 1)) (numpy.hanning) instead of the periodic one' };
export default { name: 'bug-stft-symmetric-hann', dtypes: ['float32', 'float64'], ops: { 'fourier.stft': (a, d) => stftPairs(a, d, { window: 'symmetric' }) } };
