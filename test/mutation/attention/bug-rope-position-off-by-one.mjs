// Bug: positions counted from 1 (pos + 1).
import { rope } from './_ops-common.mjs';
export const meta = { op: 'attn.rope', kind: 'bug', class: 'position', description: 'positions off by one' };
export default { name: 'bug-rope-position-off-by-one', dtypes: ['float32', 'float64'], ops: { 'attn.rope': (a, dtype) => rope(a, dtype, { posShift: 1 }) } };
