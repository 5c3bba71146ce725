// Correct: keep entry i when a 53-bit uniform u_i < p (what tfjs, NumPy, PyTorch and JAX do).
import { xoshiro, thresholdMask } from './_rng.mjs';
export const meta = { op: 'random.bernoulli-mask', kind: 'correct', class: 'uniform threshold', description: 'm_i = [u_i < p], u_i 53-bit uniforms from a seeded xoshiro128** source' };
export default {
  name: 'correct-mask-threshold', dtypes: ['float32', 'float64'],
  ops: { 'random.bernoulli-mask': ({ n, p, seed }) => thresholdMask(n, p, xoshiro(seed, 3).uniform) },
};
