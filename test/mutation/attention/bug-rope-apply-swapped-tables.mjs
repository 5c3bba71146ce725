// Bug: cos_cache and sin_cache swapped (inputs 1 and 2 of RotaryEmbedding in the wrong order).
import { ropeApply } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'bug', class: 'tables', description: 'cos and sin tables swapped' };
export default { name: 'bug-rope-apply-swapped-tables', dtypes: ['float32', 'float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApply(a, dtype, { swapTables: true }) } };
