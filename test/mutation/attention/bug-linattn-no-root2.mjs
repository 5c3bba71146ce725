// Bug: the feature map without the √2 on the linear and cross terms (φ(q)ᵀφ(k) ≠ (q·k + 1)²).
import { features } from './_linear.mjs';
export const meta = { op: 'attn.linear', kind: 'bug', class: 'feature map', description: 'φ without the √2 factors' };
export default { name: 'bug-linattn-no-root2', dtypes: ['float32', 'float64'], ops: { 'attn.linear': (a, dtype) => features(a, dtype, { coef: () => 1 }) } };
