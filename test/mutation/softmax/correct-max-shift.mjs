// Correct: subtract the maximum, exponentiate, divide by the sum (the textbook algorithm), in the request dtype.
export const meta = { op: 'nn.softmax', kind: 'correct', class: 'standard algorithm', description: 'max-shift, exp, divide by the sum' };
const round = (dtype) => (dtype === 'float32' ? Math.fround : (x) => x);
function softmax({ x }, r) {
  if (x.length === 0) return [];
  const m = Math.max(...x);
  const e = x.map((v) => r(Math.exp(r(v - m))));
  let s = 0;
  for (const v of e) s = r(s + v);
  return e.map((v) => r(v / s));
}
export default { name: 'zoo-softmax-max-shift', dtypes: ['float32', 'float64'], ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) } };
