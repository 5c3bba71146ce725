// Correct: the notes' rearrangement — φ(q)ᵀΣφ(k)vᵀ / φ(q)ᵀΣφ(k) with fl(√2) and running prefix sums when causal.
import { features } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'correct', class: 'feature map', description: 'φ(q)ᵀU / φ(q)ᵀz, prefix sums when causal' };
export default { name: 'zoo-linattn-features', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => features(a, dtype) } };
