// Correct: max shift, exp in the dtype, the sum accumulated in float64 (then rounded), divide — a float32 kernel with a wider accumulator.
import { round } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'correct', class: 'standard algorithm', description: 'max-shift, exp, float64 accumulator rounded to the dtype, divide' };
function softmax({ x }, r) {
  if (x.length === 0) return [];
  const m = Math.max(...x);
  const e = x.map((v) => r(Math.exp(r(v - m))));
  let s = 0;
  for (const v of e) s += v;
  const sr = r(s);
  return e.map((v) => r(v / sr));
}
export default { name: 'zoo-softmax-wide-accumulator', dtypes: ['float32', 'float64'], ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) } };
