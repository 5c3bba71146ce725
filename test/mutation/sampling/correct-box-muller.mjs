// Correct: Box–Muller transform of 53-bit xoshiro128** uniforms, seeded from the seed.
import { xoshiro, boxMuller, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'correct', class: 'Box–Muller', description: 'z = √(−2 ln(1−u₁))·(cos 2πu₂, sin 2πu₂) from a seeded xoshiro128** source' };
export default {
  name: 'correct-normal-box-muller', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std, seed }, dtype) => locationScale(boxMuller(n, xoshiro(seed).uniform), mean, std, dtype) },
};
