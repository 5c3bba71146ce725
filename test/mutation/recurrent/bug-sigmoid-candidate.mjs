// Bug: candidate c̃ = σ(·) instead of tanh(·).
import { rounder, lstm } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'bug', class: 'activation swap', description: 'candidate c̃ = σ(·) instead of tanh(·)' };
export default { name: 'bug-lstm-sigmoid-candidate', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => lstm(a, rounder(dtype), { concat: 'hx', opts: { sigmoidCandidate: true } }) } };
