// Bug: the KV cache (pastK, pastV) is not prepended: only the new keys are attended.
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'kv cache', description: 'past keys/values dropped' };
export default { name: 'bug-attention-cache-ignored', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { noPast: true }) } };
