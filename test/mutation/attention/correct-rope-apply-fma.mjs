// Correct: a fused multiply-add, fl(x_a·c − fl(x_b·s)) (float32: the product x_a·c is exact in a double).
import { ropeApply } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'correct', class: 'standard algorithm', description: 'fused multiply-add (one rounding fewer), float32' };
export default { name: 'correct-rope-apply-fma', dtypes: ['float32'], ops: { 'attn.rope-apply': (a, dtype) => ropeApply(a, dtype, { fma: true }) } };
