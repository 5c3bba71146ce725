// Bug: the keep probability is off by +0.02 (e.g. a rate rounded or offset in a config layer).
import { xoshiro, thresholdMask } from './_rng.mjs';
export const meta = { op: 'random.bernoulli-mask', kind: 'bug', class: 'rate p + 0.02', description: 'm_i = [u_i < p + 0.02]' };
export default {
  name: 'bug-mask-p-plus-0.02', dtypes: ['float32', 'float64'],
  ops: { 'random.bernoulli-mask': ({ n, p, seed }) => thresholdMask(n, p + 0.02, xoshiro(seed).uniform) },
};
