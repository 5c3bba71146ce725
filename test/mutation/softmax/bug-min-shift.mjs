// Bug: the shift subtracts the minimum instead of the maximum (overflows once the spread exceeds ≈ 88 in float32, 709 in float64).
import { round } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'bug', class: 'overflow', description: 'x − min(x) instead of x − max(x)' };
function softmax({ x }, r) {
  const m = Math.min(...x);
  const e = x.map((v) => r(Math.exp(r(v - m))));
  let s = 0;
  for (const v of e) s = r(s + v);
  return e.map((v) => r(v / s));
}
export default { name: 'bug-softmax-min-shift', dtypes: ['float32', 'float64'], ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) } };
