// 1/√N normalisation (norm="ortho")
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.rfft', kind: 'bug', class: 'normalisation', description: '1/√N normalisation (norm="ortho")' };
export default { name: 'bug-rfft-ortho', dtypes: ['float32', 'float64'], ops: { 'fourier.rfft': (a, d) => { const y = rfftPairs(a.x, d); const s = Math.sqrt(a.x.length); return y.map(([p, q]) => [p / s, q / s]); } } };
