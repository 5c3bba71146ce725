// Correct, declared: p_j = exp(x_j − lse(x)), lse = m + log Σ exp(x_k − m). Not covered by the default
// bound (rounding lse ≈ m costs |max x|·u in every exponent), so the profile declares the algorithm.
import { round } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'correct', class: 'declared algorithm', description: 'exp(x − logsumexp(x)) with profile.algorithms = { nn.softmax: exp-minus-logsumexp }' };
function softmax({ x }, r) {
  if (x.length === 0) return [];
  const m = Math.max(...x);
  let s = 0;
  for (const v of x) s = r(s + r(Math.exp(r(v - m))));
  const lse = r(m + r(Math.log(s)));
  return x.map((v) => r(Math.exp(r(v - lse))));
}
export default {
  name: 'zoo-softmax-exp-minus-logsumexp', dtypes: ['float32', 'float64'],
  profile: { algorithms: { 'nn.softmax': 'exp-minus-logsumexp' } },
  ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) },
};
