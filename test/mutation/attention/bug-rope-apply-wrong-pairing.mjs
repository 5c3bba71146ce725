// Bug: the pairing ignored, always rotate-half (a GPT-NeoX kernel used for interleaved GPT-J / Meta checkpoints).
import { ropeApply } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'bug', class: 'pairing', description: 'pairing ignored (always rotate-half)' };
export default { name: 'bug-rope-apply-wrong-pairing', dtypes: ['float32', 'float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApply(a, dtype, { pairing: 'rotate-half' }) } };
