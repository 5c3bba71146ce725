// tf.signal.hannWindow: periodic for even M but symmetric for odd M
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.stft', kind: 'bug', class: 'window convention', description: 'tf.signal.hannWindow: periodic for even M but symmetric for odd M' };
export default { name: 'bug-stft-tfjs-hann', dtypes: ['float32', 'float64'], ops: { 'fourier.stft': (a, d) => stftPairs(a, d, { window: a.nFft % 2 === 0 ? 'periodic' : 'symmetric' }) } };
