// returns ⌊N/2⌋ bins (drops the Nyquist bin for even N, the last bin for odd N)
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.rfft', kind: 'bug', class: 'one-sided length', description: 'returns ⌊N/2⌋ bins (drops the Nyquist bin for even N, the last bin for odd N)' };
export default { name: 'bug-rfft-no-nyquist-bin', dtypes: ['float32', 'float64'], ops: { 'fourier.rfft': (a, d) => rfftPairs(a.x, d, { bins: (n) => Math.max(1, Math.floor(n / 2)) }) } };
