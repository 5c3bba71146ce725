// Bug: the unrotated coordinates r … d − 1 dropped (returned as 0) instead of copied.
import { ropeApply } from './_rope-apply.mjs';
export const meta = { op: 'attn.rope-apply', kind: 'bug', class: 'partial rotary dim', description: 'copied coordinates zeroed' };
export default { name: 'bug-rope-apply-drop-rest', dtypes: ['float32', 'float64'], ops: { 'attn.rope-apply': (a, dtype) => ropeApply(a, dtype, { zeroRest: true }) } };
