// the O(N²) definition in the dtype for every length
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.dft', kind: 'correct', class: 'direct DFT', description: 'the O(N²) definition in the dtype for every length' };
export default { name: 'zoo-dft-direct', dtypes: ['float32', 'float64'], ops: { 'fourier.dft': (a, d) => dftPairs(a.x, d, { algorithm: 'direct' }) } };
