// Bug: declares the logsumexp algorithm but computes lse = log Σ exp(x) without the max shift (overflow / underflow to −∞).
import { round } from './_round.mjs';
export const meta = { op: 'nn.softmax', kind: 'bug', class: 'overflow', description: 'exp(x − log Σ exp(x)) without the max shift, declared as exp-minus-logsumexp' };
function softmax({ x }, r) {
  let s = 0;
  for (const v of x) s = r(s + r(Math.exp(v)));
  const lse = r(Math.log(s));
  return x.map((v) => r(Math.exp(r(v - lse))));
}
export default {
  name: 'bug-softmax-lse-without-shift', dtypes: ['float32', 'float64'],
  profile: { algorithms: { 'nn.softmax': 'exp-minus-logsumexp' } },
  ops: { 'nn.softmax': (a, dtype) => softmax(a, round(dtype)) },
};
