// Bug: the mode-0 scores (scale·QKᵀ) are returned after the softcap — what ONNX's reference op_attention.py does when softcap > 0 (it overwrites qk_matmul_output before choosing the mode).
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'outputs', description: 'scores output soft-capped (ONNX reference quirk)' };
export default { name: 'bug-attention-scores-softcapped', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { scoresCapped: true }) } };
