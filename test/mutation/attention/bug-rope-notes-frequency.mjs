// Bug: the frequencies as 002:711 writes them, w = 10000^{−2}·i/d (linear, tiny; the first pair does not rotate).
import { rope } from './_ops-common.mjs';
export const meta = { op: 'attn.rope', kind: 'bug', class: 'frequency', description: 'θ_i = base^{−2}·i/d (the notes’ 002:711)' };
export default { name: 'bug-rope-notes-frequency', dtypes: ['float32', 'float64'], ops: { 'attn.rope': (a, dtype) => rope(a, dtype, { freq: (i, d, base, r) => r(r(base ** -2) * r(i / d)) }) } };
