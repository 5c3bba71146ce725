// direct DFT with twiddle index k(n + 1) instead of kn
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.dft', kind: 'bug', class: 'twiddle index', description: 'direct DFT with twiddle index k(n + 1) instead of kn' };
export default { name: 'bug-dft-twiddle-off-by-one', dtypes: ['float32', 'float64'], ops: { 'fourier.dft': (a, d) => dftPairs(a.x, d, { algorithm: 'direct', offByOne: true }) } };
