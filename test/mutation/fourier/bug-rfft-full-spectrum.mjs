// returns all N bins instead of ⌊N/2⌋ + 1
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.rfft', kind: 'bug', class: 'one-sided length', description: 'returns all N bins instead of ⌊N/2⌋ + 1' };
export default { name: 'bug-rfft-full-spectrum', dtypes: ['float32', 'float64'], ops: { 'fourier.rfft': (a, d) => rfftPairs(a.x, d, { bins: (n) => n }) } };
