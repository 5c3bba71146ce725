// Bug: off-by-one in the reduction loop (the last exponential is left out of the sum).
import { round } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'bug', class: 'off-by-one', description: 'sum over k < n − 1' };
function softmax({ x }, r) {
  const m = Math.max(...x);
  const e = x.map((v) => r(Math.exp(r(v - m))));
  let s = 0;
  for (let k = 0; k < e.length - 1; k++) s = r(s + e[k]);
  if (e.length === 1) s = e[0];
  return e.map((v) => r(v / s));
}
export default { name: 'bug-softmax-sum-off-by-one', dtypes: ['float32', 'float64'], ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) } };
