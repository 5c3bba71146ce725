// Correct: K and V repeated to Hq heads first (repeat_interleave), then multi-head attention; the scale folded into Q.
import { attention } from './_ops-common.mjs';
import { round } from './_common.mjs';
export const meta = { op: 'attn.attention', kind: 'correct', class: 'standard algorithm', description: 'repeat_interleave K/V, Q pre-scaled' };
function run(a, dtype) {
  if (a.output === 'present-key' || a.output === 'present-value') return attention(a, dtype); // the cache itself is not repeated
  const r = round(dtype);
  const g = a.q.length / a.k.length;
  const rep = (x) => x.flatMap((y) => Array.from({ length: g }, () => y));
  const d = a.q[0][0].length;
  const sc = a.scale !== undefined ? r(a.scale) : r(1 / r(Math.sqrt(d)));
  const q = a.q.map((qh) => qh.map((row) => row.map((v) => r(v * sc))));
  const b = { ...a, q, k: rep(a.k), v: rep(a.v), scale: 1, ...(a.pastK ? { pastK: rep(a.pastK), pastV: rep(a.pastV) } : {}) };
  return attention(b, dtype);
}
export default { name: 'correct-attention-repeat-kv', dtypes: ['float32', 'float64'], ops: { 'attn.attention': run } };
