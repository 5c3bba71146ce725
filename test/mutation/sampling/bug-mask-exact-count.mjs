// Bug: every mask keeps exactly round(n·p) entries (a shuffled fixed-count mask): the right rate,
// but the entries are not independent and the count does not vary from call to call.
import { xoshiro } from './_rng.mjs';
export const meta = { op: 'random.bernoulli-mask', kind: 'bug', class: 'fixed count per call', description: 'round(np) ones placed by a Fisher–Yates shuffle: Var(S) = 0 instead of np(1 − p)' };
export default {
  name: 'bug-mask-exact-count', dtypes: ['float32', 'float64'],
  ops: { 'random.bernoulli-mask': ({ n, p, seed }) => {
    const u = xoshiro(seed).uniform, k = Math.round(n * p);
    const m = Array.from({ length: n }, (_, i) => (i < k ? 1 : 0));
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(u() * (i + 1)); [m[i], m[j]] = [m[j], m[i]]; }
    return m;
  } },
};
