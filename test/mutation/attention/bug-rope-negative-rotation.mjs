// Bug: rotates by −pθ (the transposed block, e.g. a row vector times the column-vector rotation).
import { rope } from './_ops-common.mjs';
export const meta = { op: 'attn.rope', kind: 'bug', class: 'sign', description: 'rotation by −pθ' };
export default { name: 'bug-rope-negative-rotation', dtypes: ['float32', 'float64'], ops: { 'attn.rope': (a, dtype) => rope(a, dtype, { sign: -1 }) } };
