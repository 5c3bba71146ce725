// Bug: the exponent uses the column index j = 2i in place of i: θ = base^{−2j/d} = base^{−4i/d}.
import { pe } from './_ops-common.mjs';
export const meta = { op: 'attn.sinusoidal-pe', kind: 'bug', class: 'frequency', description: 'base^{−4i/d} (column index in the exponent)' };
export default { name: 'bug-pe-column-index-exponent', dtypes: ['float32', 'float64'], ops: { 'attn.sinusoidal-pe': (a, dtype) => pe(a, dtype, { freq: (i, d, base, r) => r(Math.exp(r(r(-4 * i / d) * r(Math.log(base))))) }) } };
