// the notes’ time-referenced phase Σ_n x[n]w[n − tH]e^{−iωn} (factor e^{−iωtH})
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.stft', kind: 'bug', class: 'phase reference', description: 'the notes’ time-referenced phase Σ_n x[n]w[n − tH]e^{−iωn} (factor e^{−iωtH})' };
export default { name: 'bug-stft-time-referenced', dtypes: ['float32', 'float64'], ops: { 'fourier.stft': (a, d) => stftPairs(a, d, { timeReferenced: true }) } };
