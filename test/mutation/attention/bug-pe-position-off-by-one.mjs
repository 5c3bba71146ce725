// Bug: positions counted from 1.
import { pe } from './_ops-common.mjs';
export const meta = { op: 'attn.sinusoidal-pe', kind: 'bug', class: 'position', description: 'positions off by one' };
export default { name: 'bug-pe-position-off-by-one', dtypes: ['float32', 'float64'], ops: { 'attn.sinusoidal-pe': (a, dtype) => pe(a, dtype, { posShift: 1 }) } };
