// Bug: the generator is seeded once with a constant; the seed argument never reaches it.
import { xoshiro, boxMuller, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'bug', class: 'seed ignored (deterministic)', description: 'Box–Muller from a generator seeded with the constant 42: every seed gives the same stream' };
export default {
  name: 'bug-normal-fixed-stream', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std }, dtype) => locationScale(boxMuller(n, xoshiro(42).uniform), mean, std, dtype) },
};
