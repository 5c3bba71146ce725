// Correct: scores divided by √d, max-shifted softmax with a division, then ·V.
import { round, scores, softmaxRow, times } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'correct', class: 'standard algorithm', description: 'QKᵀ/fl(√d), softmax (max shift, divide), ·V' };
function sdpa(a, dtype) {
  const r = round(dtype);
  const d = a.q[0].length;
  const rd = r(Math.sqrt(d));
  const sc = scores(a, r, 1).map((row) => row.map((v) => (v === -Infinity ? v : r(v / rd))));
  return times(sc.map((row) => softmaxRow(row, r)), a.v, r);
}
export default { name: 'zoo-sdpa-standard', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': sdpa } };
