// Correct: σ(a) = 1/(1 + exp(−a)), tanh(a) = (e^{2a} − 1)/(e^{2a} + 1) (clamped), [h; x] order, in the request dtype.
import { rounder, lstm, sigmoidExp } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'correct', class: 'σ and tanh via exp', description: 'σ = 1/(1 + exp(−a)), tanh by (e^{2a} − 1)/(e^{2a} + 1) with |a| > 20 clamped to ±1, in the dtype' };
const tanhExp = (r) => (a) => { if (a > 20) return 1; if (a < -20) return -1; const e = r(Math.exp(r(2 * a))); return r(r(e - 1) / r(e + 1)); };
export default { name: 'zoo-lstm-js-exp', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => { const r = rounder(dtype); return lstm(a, r, { sig: sigmoidExp(r), th: tanhExp(r) }); } } };
