// Correct: PyTorch CPU's staged backward: P = Σ(x − μ)dy, k = P·invstd²/N, dx = (dy − (x − μ)k − Σdy/N)·invstd·γ.
import { bnBackward, staged } from './_bn.mjs';
export const meta = { op: 'bn.backward', kind: 'correct', class: 'standard algorithm', description: 'staged (PyTorch CPU order)' };
export default { name: 'zoo-bn-backward-staged', dtypes: ['float32', 'float64'], ops: { 'bn.backward': (a, dtype) => bnBackward(a, dtype, staged) } };
