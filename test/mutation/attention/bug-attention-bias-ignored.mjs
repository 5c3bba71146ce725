// Bug: the additive mask (bias) is dropped.
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'mask', description: 'additive mask ignored' };
export default { name: 'bug-attention-bias-ignored', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { noBias: true }) } };
