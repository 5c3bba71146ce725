// Bug: exp(x)−1 typo (Math.expm1 where Math.exp was meant) after the max shift.
import { round } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'bug', class: 'typo', description: 'expm1(x − m) instead of exp(x − m)' };
function softmax({ x }, r) {
  const m = Math.max(...x);
  const e = x.map((v) => r(Math.expm1(r(v - m))));
  let s = 0;
  for (const v of e) s = r(s + v);
  return e.map((v) => r(v / s));
}
export default { name: 'bug-softmax-expm1', dtypes: ['float32', 'float64'], ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) } };
