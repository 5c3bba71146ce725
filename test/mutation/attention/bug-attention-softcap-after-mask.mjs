// Bug: the softcap is applied after the −∞ mask: tanh(−∞)·c = −c, so masked keys get weight e^{−c − m} > 0.
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'softcap order', description: 'softcap after masking (masked keys leak)' };
export default { name: 'bug-attention-softcap-after-mask', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { capAfterMask: true }) } };
