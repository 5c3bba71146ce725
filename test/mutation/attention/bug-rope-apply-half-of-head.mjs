// Bug: with a partial rotary dim, rotate-half splits the whole head at d/2 instead of the rotated part at r/2.
import { ropeApply } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'bug', class: 'partial rotary dim', description: 'rotate-half partner i + ⌊d/2⌋ instead of i + r/2' };
export default { name: 'bug-rope-apply-half-of-head', dtypes: ['float32', 'float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApply(a, dtype, { partner: (i, h, d) => i + (d >> 1) }) } };
