// Bug: pos·base^{2i/d} (multiplies by the wavelength instead of dividing).
import { pe } from './_ops-common.mjs';
export const meta = { op: 'attn.sinusoidal-pe', kind: 'bug', class: 'frequency', description: 'pos·base^{+2i/d}' };
export default { name: 'bug-pe-positive-exponent', dtypes: ['float32', 'float64'], ops: { 'attn.sinusoidal-pe': (a, dtype) => pe(a, dtype, { freq: (i, d, base, r) => r(Math.exp(r(r(2 * i / d) * r(Math.log(base))))) }) } };
