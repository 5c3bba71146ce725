// Correct: the T×S weights (q·k + 1)², then Σ w v / Σ w, sequential sums, a division.
import { quadratic } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'correct', class: 'quadratic', description: 'weights (q·k + 1)², Σwv / Σw' };
export default { name: 'zoo-linattn-quadratic', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => quadratic(a, dtype) } };
