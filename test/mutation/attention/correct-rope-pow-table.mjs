// Correct: θ_i = 1/base^{2i/d} by pow, the cos/sin table computed in float64 and rounded (Hugging Face style inv_freq).
import { rope } from './_ops-common.mjs';
export const meta = { op: 'attn.rope', kind: 'correct', class: 'standard algorithm', description: 'inv_freq = 1/base^(2i/d) by pow' };
export default { name: 'correct-rope-pow-table', dtypes: ['float32', 'float64'], ops: { 'attn.rope': (a, dtype) => rope(a, dtype, { freq: (i, d, base, r) => r(1 / r(Math.pow(base, r(2 * i / d)))) }) } };
