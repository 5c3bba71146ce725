// Bug: antithetic variates — every second sample is the negation of the previous one (a
// variance-reduction trick that breaks independence).
import { xoshiro, boxMuller, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'bug', class: 'dependent samples', description: 'antithetic pairs z_{2i+1} = −z_{2i}: correct marginals, correlation −1 at lag 1' };
export default {
  name: 'bug-normal-antithetic', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std, seed }, dtype) => { const z = boxMuller(n, xoshiro(seed).uniform); for (let i = 1; i < n; i += 2) z[i] = -z[i - 1]; return locationScale(z, mean, std, dtype); } },
};
