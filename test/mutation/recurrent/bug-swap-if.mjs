// Bug: input and forget gates swapped (PyTorch’s i, f, g, o read as f, i, g, o).
import { rounder, lstm } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'bug', class: 'gate order', description: 'input and forget gates swapped (PyTorch’s i, f, g, o read as f, i, g, o)' };
export default { name: 'bug-lstm-swap-if', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => lstm(a, rounder(dtype), { concat: 'hx', opts: { swapIF: true } }) } };
