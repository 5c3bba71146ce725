// Bug: p read as the DROP probability (dropout-rate confusion): keeps with probability 1 − p.
import { xoshiro, thresholdMask } from './_rng.mjs';
export const meta = { op: 'random.bernoulli-mask', kind: 'bug', class: 'rate convention', description: 'm_i = [u_i ≥ p]: keep probability 1 − p' };
export default {
  name: 'bug-mask-drop-keep-confusion', dtypes: ['float32', 'float64'],
  ops: { 'random.bernoulli-mask': ({ n, p, seed }) => { const u = xoshiro(seed).uniform; return Array.from({ length: n }, () => (u() >= p ? 1 : 0)); } },
};
