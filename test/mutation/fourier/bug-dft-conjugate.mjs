// e^{+2πikn/N} on the forward transform (the inverse kernel, unnormalised)
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.dft', kind: 'bug', class: 'sign convention', description: 'e^{+2πikn/N} on the forward transform (the inverse kernel, unnormalised)' };
export default { name: 'bug-dft-conjugate', dtypes: ['float32', 'float64'], ops: { 'fourier.dft': (a, d) => dftPairs(a.x, d, { conjugate: true }) } };
