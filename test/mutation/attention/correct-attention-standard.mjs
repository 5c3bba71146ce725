// Correct: the textbook pipeline in the run's dtype (scores, softcap, mask, bias, softmax, ·V), kv head ⌊h/(Hq/Hkv)⌋.
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'correct', class: 'standard algorithm', description: 'textbook attention in the dtype' };
export default { name: 'correct-attention-standard', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype) } };
