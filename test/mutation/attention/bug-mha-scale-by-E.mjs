// Bug: scores scaled by 1/√E (the model width) instead of 1/√dh (the head width).
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'bug', class: 'scale', description: 'scale 1/√E instead of 1/√(E/H)' };
export default { name: 'bug-mha-scale-by-E', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype, { scaleDim: (dh, E) => E }) } };
