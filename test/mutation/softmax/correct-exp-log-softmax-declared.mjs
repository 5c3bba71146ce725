// Correct, declared: exp of the log-softmax, p_j = exp((x_j − m) − log Σ exp(x_k − m)) (torch.exp(torch.log_softmax(x))).
import { round, pairwiseSum } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'correct', class: 'declared algorithm', description: 'exp(log_softmax(x)) with profile.algorithms = { nn.softmax: exp-minus-logsumexp }' };
function softmax({ x }, r) {
  if (x.length === 0) return [];
  const m = Math.max(...x);
  const s = x.map((v) => r(v - m));
  const l = r(Math.log(pairwiseSum(s.map((v) => r(Math.exp(v))), r)));
  return s.map((v) => r(Math.exp(r(v - l))));
}
export default {
  name: 'zoo-softmax-exp-log-softmax', dtypes: ['float32', 'float64'],
  profile: { algorithms: { 'nn.softmax': 'exp-minus-logsumexp' } },
  ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) },
};
