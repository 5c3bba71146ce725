// Correct: θ_i = exp(−(2i/d) ln base) in the dtype, angle pos·θ_i, sin and cos.
import { pe } from './_ops-common.mjs';
export const meta = { op: 'attn.sinusoidal-pe', kind: 'correct', class: 'standard algorithm', description: 'textbook PE in the dtype' };
export default { name: 'correct-pe-standard', dtypes: ['float32', 'float64'], ops: { 'attn.sinusoidal-pe': (a, dtype) => pe(a, dtype) } };
