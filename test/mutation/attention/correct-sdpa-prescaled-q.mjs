// Correct: Q pre-scaled by fl(1/√d), a large negative mask value (−1e30 instead of −∞), softmax by a reciprocal, ·V.
import { round, dot, times } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'correct', class: 'standard algorithm', description: 'Q·fl(1/√d) before the product, finite mask −1e30, reciprocal softmax' };
function sdpa({ q, k, v, causal }, dtype) {
  const r = round(dtype);
  const c = r(1 / Math.sqrt(q[0].length));
  const qs = q.map((row) => row.map((x) => r(x * c)));
  const p = qs.map((qt, t) => {
    const row = k.map((ks, s) => (causal && s > t ? r(-1e30) : dot(qt, ks, r)));
    const m = Math.max(...row);
    const e = row.map((x) => r(Math.exp(r(x - m))));
    let sum = 0;
    for (const x of e) sum = r(sum + x);
    const inv = r(1 / sum);
    return e.map((x) => r(x * inv));
  });
  return times(p, v, r);
}
export default { name: 'zoo-sdpa-prescaled-q', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': sdpa } };
