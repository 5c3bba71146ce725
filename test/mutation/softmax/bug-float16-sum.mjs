// Bug: the normaliser is accumulated in float16 (a half-precision reduction buffer), the rest in the dtype.
import { round, f16 } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'bug', class: 'precision', description: 'sum of exponentials accumulated in float16' };
function softmax({ x }, r) {
  const m = Math.max(...x);
  const e = x.map((v) => r(Math.exp(r(v - m))));
  let s = 0;
  for (const v of e) s = f16(s + f16(v));
  return e.map((v) => r(v / s));
}
export default { name: 'bug-softmax-float16-sum', dtypes: ['float32', 'float64'], ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) } };
