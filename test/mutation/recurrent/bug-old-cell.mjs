// Bug: h′ = o ⊙ tanh(c) with the previous cell state.
import { rounder, lstm } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'bug', class: 'stale state', description: 'h′ = o ⊙ tanh(c) with the previous cell state' };
export default { name: 'bug-lstm-old-cell', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => lstm(a, rounder(dtype), { concat: 'hx', opts: { oldC: true } }) } };
