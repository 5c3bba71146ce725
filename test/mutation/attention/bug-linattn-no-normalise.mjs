// Bug: the numerator Σ_j sim(q_i, k_j)v_j without the division by Σ_j sim(q_i, k_j).
import { quadratic } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'bug', class: 'normalisation', description: 'no denominator' };
export default { name: 'bug-linattn-no-normalise', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => quadratic(a, dtype, { noNormalise: true }) } };
