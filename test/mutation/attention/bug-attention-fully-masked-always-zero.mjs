// Bug: a fully masked row is 0 whatever the declared convention (NaN declared: PyTorch's semantics silently replaced by ONNX's).
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'fully-masked', description: 'fully masked row 0 under the NaN convention' };
export default { name: 'bug-attention-fully-masked-always-zero', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { emptyRowZero: true }) } };
