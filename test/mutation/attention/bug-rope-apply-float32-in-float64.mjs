// Bug: float32 arithmetic in a float64 run (a float32 kernel behind a float64 API).
import { ropeApply } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'bug', class: 'precision', description: 'float32 arithmetic in float64 runs' };
export default { name: 'bug-rope-apply-float32-in-float64', dtypes: ['float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApply(a, dtype, { f32: true }) } };
