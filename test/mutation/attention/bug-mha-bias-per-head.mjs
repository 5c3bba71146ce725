// Bug: the in-projection bias added after the reshape to [.., H, dh] with the wrong broadcast: every head gets b[0..dh).
import { mha } from './_mha.mjs';
export const meta = { op: 'attn.mha', kind: 'bug', class: 'bias', description: 'in-projection bias broadcast per head (b[c mod dh]) after the reshape' };
export default { name: 'bug-mha-bias-per-head', dtypes: ['float32', 'float64'], ops: { 'attn.mha': (a, dtype) => mha(a, dtype, { inBiasIndex: (j, dh) => j % dh }) } };
