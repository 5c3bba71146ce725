// Correct: max shift, exp, pairwise sum, multiply by the rounded reciprocal of the sum (XNNPACK-style).
import { round, pairwiseSum } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'correct', class: 'standard algorithm', description: 'max-shift, exp, pairwise sum, multiply by fl(1/sum)' };
function softmax({ x }, r) {
  if (x.length === 0) return [];
  const m = Math.max(...x);
  const e = x.map((v) => r(Math.exp(r(v - m))));
  const inv = r(1 / pairwiseSum(e, r));
  return e.map((v) => r(v * inv));
}
export default { name: 'zoo-softmax-reciprocal', dtypes: ['float32', 'float64'], ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) } };
