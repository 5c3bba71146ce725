// 1/N on the forward transform (norm="forward" where "backward" is declared)
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.dft', kind: 'bug', class: 'normalisation', description: '1/N on the forward transform (norm="forward" where "backward" is declared)' };
export default { name: 'bug-dft-forward-scaled', dtypes: ['float32', 'float64'], ops: { 'fourier.dft': (a, d) => dftPairs(a.x, d, { scaleForward: true }) } };
