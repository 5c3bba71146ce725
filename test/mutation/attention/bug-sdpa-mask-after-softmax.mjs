// Bug: the mask is applied after the softmax (masked probabilities zeroed, rows not renormalised).
import { round, scores, softmaxRow, times } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'bug', class: 'mask', description: 'mask applied after the softmax without renormalising' };
function sdpa(a, dtype) {
  const r = round(dtype);
  const sc = scores({ ...a, causal: false }, r, r(1 / r(Math.sqrt(a.q[0].length))));
  const p = sc.map((row, t) => softmaxRow(row, r).map((x, s) => (a.causal && s > t ? 0 : x)));
  return times(p, a.v, r);
}
export default { name: 'bug-sdpa-mask-after-softmax', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': sdpa } };
