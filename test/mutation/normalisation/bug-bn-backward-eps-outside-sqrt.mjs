// Bug: s = σ + ε instead of √(σ² + ε).
import { bnBackward, staged } from './_bn.mjs';
export const meta = { op: 'bn.backward', kind: 'bug', class: 'convention', description: 'ε outside the square root' };
export default {
  name: 'bug-bn-backward-eps-outside-sqrt', dtypes: ['float32', 'float64'],
  ops: { 'bn.backward': (a, dtype) => bnBackward(a, dtype, staged, { sOf: (v, eps, r) => r(r(Math.sqrt(v)) + eps) }) },
};
