// transforms only the real part of the input (imaginary part dropped)
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.dft', kind: 'bug', class: 'complex input', description: 'transforms only the real part of the input (imaginary part dropped)' };
export default { name: 'bug-dft-real-part-only', dtypes: ['float32', 'float64'], ops: { 'fourier.dft': (a, d) => dftPairs(a.x.map((v) => [v[0], 0]), d) } };
