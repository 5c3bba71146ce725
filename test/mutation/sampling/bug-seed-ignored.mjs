// Bug: the seed is ignored — Math.random() drives a correct Box–Muller transform.
import { boxMuller, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'bug', class: 'seed ignored', description: 'Box–Muller on Math.random(): correct distribution, not a function of the seed' };
export default {
  name: 'bug-normal-seed-ignored', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std }, dtype) => locationScale(boxMuller(n, Math.random), mean, std, dtype) },
};
