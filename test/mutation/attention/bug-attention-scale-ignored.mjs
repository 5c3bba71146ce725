// Bug: an explicit scale is ignored; 1/√d is always used.
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'scale', description: 'explicit scale ignored (always 1/√d)' };
export default { name: 'bug-attention-scale-ignored', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { scale: (d, r) => r(1 / r(Math.sqrt(d))) }) } };
