// Bug: forget bias 1 added (TensorFlow BasicLSTMCell’s default) although the op has none.
import { rounder, lstm } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'bug', class: 'forget bias', description: 'forget bias 1 added (TensorFlow BasicLSTMCell’s default) although the op has none' };
export default { name: 'bug-lstm-forget-bias', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => lstm(a, rounder(dtype), { concat: 'hx', opts: { forgetBias: 1 } }) } };
