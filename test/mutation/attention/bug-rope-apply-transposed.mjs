// Bug: the transposed block [[c, s], [−s, c]] — a rotation by −θ (the sign of sin flipped).
import { ropeApply } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'bug', class: 'sign', description: 'rotation by −θ: (x_a c + x_b s, x_b c − x_a s)' };
export default { name: 'bug-rope-apply-transposed', dtypes: ['float32', 'float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApply(a, dtype, { sign: -1 }) } };
