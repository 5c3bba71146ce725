// frame step nFft (non-overlapping frames) instead of hop
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.stft', kind: 'bug', class: 'framing', description: 'frame step nFft (non-overlapping frames) instead of hop' };
export default { name: 'bug-stft-hop-is-nfft', dtypes: ['float32', 'float64'], ops: { 'fourier.stft': (a, d) => stftPairs(a, d, { hopIsNfft: true }) } };
