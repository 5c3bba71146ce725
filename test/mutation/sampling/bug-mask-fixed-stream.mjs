// Bug: the generator is seeded with a constant; every seed gives the same mask.
import { xoshiro, thresholdMask } from './_rng.mjs';
export const meta = { op: 'random.bernoulli-mask', kind: 'bug', class: 'seed ignored (deterministic)', description: 'uniforms from a generator seeded with the constant 42: the same mask for every seed' };
export default {
  name: 'bug-mask-fixed-stream', dtypes: ['float32', 'float64'],
  ops: { 'random.bernoulli-mask': ({ n, p }) => thresholdMask(n, p, xoshiro(42).uniform) },
};
