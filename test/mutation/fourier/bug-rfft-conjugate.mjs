// e^{+2πikn/N}: the conjugate spectrum
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.rfft', kind: 'bug', class: 'sign convention', description: 'e^{+2πikn/N}: the conjugate spectrum' };
export default { name: 'bug-rfft-conjugate', dtypes: ['float32', 'float64'], ops: { 'fourier.rfft': (a, d) => rfftPairs(a.x, d, { conjugate: true }) } };
