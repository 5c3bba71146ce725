// Bug: the seed is ignored — Math.random() thresholded at p.
import { thresholdMask } from './_rng.mjs';
export const meta = { op: 'random.bernoulli-mask', kind: 'bug', class: 'seed ignored', description: '[Math.random() < p]: correct distribution, not a function of the seed' };
export default {
  name: 'bug-mask-seed-ignored', dtypes: ['float32', 'float64'],
  ops: { 'random.bernoulli-mask': ({ n, p }) => thresholdMask(n, p, Math.random) },
};
