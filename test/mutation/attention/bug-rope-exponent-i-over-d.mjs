// Bug: θ_i = base^{−i/d} (the factor 2 of the exponent lost).
import { rope } from './_ops-common.mjs';
export const meta = { op: 'attn.rope', kind: 'bug', class: 'frequency', description: 'θ_i = base^{−i/d}' };
export default { name: 'bug-rope-exponent-i-over-d', dtypes: ['float32', 'float64'], ops: { 'attn.rope': (a, dtype) => rope(a, dtype, { freq: (i, d, base, r) => r(Math.exp(r(r(-i / d) * r(Math.log(base))))) }) } };
