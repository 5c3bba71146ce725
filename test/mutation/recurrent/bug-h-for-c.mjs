// Bug: f ⊙ h instead of f ⊙ c.
import { rounder, lstm } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'bug', class: 'wrong state', description: 'f ⊙ h instead of f ⊙ c' };
export default { name: 'bug-lstm-h-for-c', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => lstm(a, rounder(dtype), { concat: 'hx', opts: { hForC: true } }) } };
