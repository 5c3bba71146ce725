// Bug: the causal mask lets each query see the next key too (s ≤ t + 1).
import { sdpa } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'bug', class: 'mask', description: 'causal mask s > t + 1 instead of s > t' };
export default { name: 'bug-sdpa-causal-lets-next', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': (a, dtype) => sdpa(a, dtype, { masked: (t, s) => a.causal && s > t + 1 }) } };
