// Correct: ONNX's reference order — Q and K each multiplied by fl(√scale) (scale = 1/√d by default), then QKᵀ, softcap, mask, softmax, ·V.
import { attention } from './_ops-common.mjs';
import { round } from './_common.mjs';
export const meta = { op: 'attn.attention', kind: 'correct', class: 'standard algorithm', description: 'split scale √scale on Q and K (ONNX reference)' };
function run(a, dtype) {
  if (a.output === 'present-key' || a.output === 'present-value') return attention(a, dtype);
  const r = round(dtype);
  const d = a.q[0][0].length;
  const rs = r(Math.sqrt(a.scale !== undefined ? r(a.scale) : r(1 / r(Math.sqrt(d)))));
  const sc = (x) => x.map((h) => h.map((row) => row.map((v) => r(v * rs))));
  return attention({ ...a, q: sc(a.q), k: sc(a.k), ...(a.pastK ? { pastK: sc(a.pastK) } : {}), scale: 1 }, dtype);
}
export default { name: 'correct-attention-split-scale', dtypes: ['float32', 'float64'], ops: { 'attn.attention': run } };
