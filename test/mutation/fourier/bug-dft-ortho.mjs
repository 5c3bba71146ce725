// 1/√N on the forward transform (norm="ortho")
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.dft', kind: 'bug', class: 'normalisation', description: '1/√N on the forward transform (norm="ortho")' };
export default { name: 'bug-dft-ortho', dtypes: ['float32', 'float64'], ops: { 'fourier.dft': (a, d) => { const y = dftPairs(a.x, d); const s = Math.sqrt(a.x.length); return y.map(([p, q]) => [p / s, q / s]); } } };
