// Bug: the causal mask also hides the diagonal (s < t allowed instead of s ≤ t); the first query then attends to nothing (NaN).
import { sdpa } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'bug', class: 'mask', description: 'causal mask s ≥ t instead of s > t' };
export default { name: 'bug-sdpa-causal-off-by-one', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': (a, dtype) => sdpa(a, dtype, { masked: (t, s) => a.causal && s >= t }) } };
