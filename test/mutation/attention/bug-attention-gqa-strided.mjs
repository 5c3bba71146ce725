// Bug: query head h uses kv head h mod Hkv (K/V tiled instead of repeat_interleave).
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'grouping', description: 'kv head h mod Hkv instead of ⌊h/(Hq/Hkv)⌋' };
export default { name: 'bug-attention-gqa-strided', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { kvHead: (h, Hq, Hkv) => h % Hkv }) } };
