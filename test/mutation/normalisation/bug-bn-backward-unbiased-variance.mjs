// Bug: the batch variance divided by N − 1 (the running-variance convention) in the normalisation.
import { bnBackward, staged } from './_bn.mjs';
export const meta = { op: 'bn.backward', kind: 'bug', class: 'convention', description: 'unbiased (N − 1) batch variance' };
export default { name: 'bug-bn-backward-unbiased-variance', dtypes: ['float32', 'float64'], ops: { 'bn.backward': (a, dtype) => bnBackward(a, dtype, staged, { div: (N) => N - 1 }) } };
