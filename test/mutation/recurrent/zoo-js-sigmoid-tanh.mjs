// Correct: σ(a) = ½(1 + tanh(a/2)), the gate matmul on [x; h] with the column-swapped weights, in the request dtype.
import { rounder, lstm, sigmoidTanh } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'correct', class: 'σ via tanh, [x; h] order', description: 'σ(a) = ½(1 + tanh(a/2)); pre-activations W′[x; h] + b (004’s order), in the dtype' };
export default { name: 'zoo-lstm-js-sigmoid-tanh', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => { const r = rounder(dtype); return lstm(a, r, { sig: sigmoidTanh(r), concat: 'xh' }); } } };
