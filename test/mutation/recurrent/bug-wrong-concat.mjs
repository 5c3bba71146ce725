// Bug: [x; h] multiplied by W_g laid out for [h; x].
import { rounder, lstm } from './_lstm.mjs';
export const meta = { op: 'lstm.cell', kind: 'bug', class: 'layout', description: '[x; h] multiplied by W_g laid out for [h; x]' };
export default { name: 'bug-lstm-wrong-concat', dtypes: ['float32', 'float64'], ops: { 'lstm.cell': (a, dtype) => lstm(a, rounder(dtype), { concat: 'xh', opts: { wrongConcat: true } }) } };
