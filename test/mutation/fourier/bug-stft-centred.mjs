// centred frames with nFft/2 zeros on both sides (torch.stft center=True default, zero padding)
import { dftPairs, rfftPairs, stftPairs } from './_fft.mjs';
export const meta = { op: 'fourier.stft', kind: 'bug', class: 'framing', description: 'centred frames with nFft/2 zeros on both sides (torch.stft center=True default, zero padding)' };
export default { name: 'bug-stft-centred', dtypes: ['float32', 'float64'], ops: { 'fourier.stft': (a, d) => stftPairs(a, d, { center: true }) } };
