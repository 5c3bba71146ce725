// Bug: h′ = o ⊙ c′ without the tanh.
import { rounder, lstm } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'bug', class: 'missing activation', description: 'h′ = o ⊙ c′ without the tanh' };
export default { name: 'bug-lstm-no-output-tanh', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => lstm(a, rounder(dtype), { concat: 'hx', opts: { noTanh: true } }) } };
