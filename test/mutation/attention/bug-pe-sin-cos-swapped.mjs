// Bug: cos in the even columns, sin in the odd ones.
import { pe } from './_ops-common.mjs';
export const meta = { op: 'attn.sinusoidal-pe', kind: 'bug', class: 'layout', description: 'sin and cos swapped' };
export default { name: 'bug-pe-sin-cos-swapped', dtypes: ['float32', 'float64'], ops: { 'attn.sinusoidal-pe': (a, dtype) => pe(a, dtype, { swap: true }) } };
