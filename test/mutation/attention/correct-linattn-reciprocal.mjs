// Correct: quadratic weights, the square as a product of the rounded s + 1, multiplication by fl(1/Z).
import { quadratic } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'correct', class: 'reciprocal', description: 'Σwv · fl(1/Σw)' };
export default { name: 'zoo-linattn-reciprocal', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => quadratic(a, dtype, { reciprocal: true }) } };
