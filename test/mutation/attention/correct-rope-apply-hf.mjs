// Correct: the Hugging Face form x·cat(cos, cos) + rotate_half(x)·cat(sin, sin) (repeat_interleave for interleaved pairs).
import { ropeApplyHf } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'correct', class: 'standard algorithm', description: 'Hugging Face form x·C + rotate_half(x)·S' };
export default { name: 'correct-rope-apply-hf', dtypes: ['float32', 'float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApplyHf(a, dtype) } };
