// Bug: serves float64 but computes in float32.
import { bnBackward, staged } from './_bn.mjs';
import { round } from './_common.mjs';
export const meta = { op: 'bn.backward', kind: 'bug', class: 'precision', description: 'float64 requests computed in float32' };
export default { name: 'bug-bn-backward-float32-in-float64', dtypes: ['float32', 'float64'], ops: { 'bn.backward': (a, dtype) => bnBackward({ ...a, eps: Math.fround(a.eps) }, dtype, staged, { r: round('float32') }) } };
