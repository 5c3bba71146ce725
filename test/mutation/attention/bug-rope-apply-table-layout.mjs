// Bug: the tables expanded for the other pairing (repeat_interleave for rotate-half, cat for interleaved: the Llama checkpoint-conversion bug).
import { ropeApplyHf } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'bug', class: 'table layout', description: 'cos/sin expanded for the other pairing' };
export default { name: 'bug-rope-apply-table-layout', dtypes: ['float32', 'float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApplyHf(a, dtype, a.pairing === 'interleaved' ? 'rotate-half' : 'interleaved') } };
