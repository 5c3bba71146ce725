// Bug: the softmax normalises over the queries (axis 0) instead of the keys.
import { round, scores, softmaxRow, times } from './_common.mjs';
export const meta = { op: 'attn.sdpa', kind: 'bug', class: 'wrong axis', description: 'softmax over queries instead of keys' };
function sdpa(a, dtype) {
  const r = round(dtype);
  const sc = scores(a, r, r(1 / r(Math.sqrt(a.q[0].length))));
  const T = sc.length, S = sc[0].length;
  const cols = Array.from({ length: S }, (_, s) => softmaxRow(sc.map((row) => row[s]), r));
  const p = Array.from({ length: T }, (_, t) => Array.from({ length: S }, (_, s) => (Number.isNaN(cols[s][t]) ? 0 : cols[s][t])));
  return times(p, a.v, r);
}
export default { name: 'bug-sdpa-softmax-over-queries', dtypes: ['float32', 'float64'], ops: { 'attn.sdpa': sdpa } };
