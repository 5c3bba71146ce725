// Bug: the entries come in pairs (2i, 2i+1) with correlation ρ = 0.5 (the second copies the first
// with probability 1/2, else is drawn afresh): correct keep rate, dependent entries.
import { xoshiro } from './_rng.mjs';
export const meta = { op: 'random.bernoulli-mask', kind: 'bug', class: 'pairwise correlation ρ = 0.5', description: 'm_{2i+1} = m_{2i} with probability 1/2, else a fresh Bernoulli(p): marginals p, corr(m_{2i}, m_{2i+1}) = 0.5' };
export default {
  name: 'bug-mask-pair-correlated', dtypes: ['float32', 'float64'],
  ops: { 'random.bernoulli-mask': ({ n, p, seed }) => {
    const u = xoshiro(seed).uniform, m = new Array(n);
    for (let i = 0; i < n; i++) m[i] = i % 2 === 1 && u() < 0.5 ? m[i - 1] : (u() < p ? 1 : 0);
    return m;
  } },
};
