// Bug: the causal mask is always aligned top-left (s ≤ t), also when bottom-right is asked (KV-cache decoding sees only the first keys).
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'causal alignment', description: 'bottom-right causal treated as top-left' };
export default { name: 'bug-attention-causal-always-top-left', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { allowed: (t, s, T, N, x) => (x.keep === undefined || x.keep[t][s] !== 0) && (x.causal === 'none' ? true : s <= t) }) } };
