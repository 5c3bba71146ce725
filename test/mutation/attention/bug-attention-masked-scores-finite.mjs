// Bug: the masked scores (ONNX qk_matmul_output mode 2) keep the score of a masked key instead of −∞ (the mask applied only inside the softmax).
import { attention } from './_ops-common.mjs';
export const meta = { op: 'attn.attention', kind: 'bug', class: 'outputs', description: 'masked scores without the −∞ mask' };
export default { name: 'bug-attention-masked-scores-finite', dtypes: ['float32', 'float64'], ops: { 'attn.attention': (a, dtype) => attention(a, dtype, { maskedScoresFinite: true }) } };
