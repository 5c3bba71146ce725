// rectangular window (the Hann window not applied)
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.stft', kind: 'bug', class: 'window', description: 'rectangular window (the Hann window not applied)' };
export default { name: 'bug-stft-no-window', dtypes: ['float32', 'float64'], ops: { 'fourier.stft': (a, d) => stftPairs(a, d, { noWindow: true }) } };
