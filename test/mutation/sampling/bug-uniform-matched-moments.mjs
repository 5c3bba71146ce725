// Bug: a uniform sampler with the right mean and variance, μ + σ·√3·(2u − 1).
import { xoshiro, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'bug', class: 'wrong distribution, matched moments', description: 'μ + σ√3(2u − 1): uniform with mean μ and variance σ², not normal' };
export default {
  name: 'bug-normal-uniform-matched-moments', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std, seed }, dtype) => { const u = xoshiro(seed).uniform; return locationScale(Float64Array.from({ length: n }, () => Math.sqrt(3) * (2 * u() - 1)), mean, std, dtype); } },
};
