// Bug: each call's samples are standardised exactly ("so that the output really has mean μ and sd σ").
import { xoshiro, boxMuller, locationScale } from './_rng.mjs';
export const meta = { op: 'random.normal', kind: 'bug', class: 'per-call standardisation', description: 'Box–Muller samples z replaced by (z − z̄)/s per call: every call has sample mean μ and sample sd σ exactly' };
function standardise(z) {
  const n = z.length;
  if (n < 2) return z.map(() => 0);
  const m = z.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(z.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
  return z.map((v) => (v - m) / s);
}
export default {
  name: 'bug-normal-per-call-standardised', dtypes: ['float32', 'float64'],
  ops: { 'random.normal': ({ n, mean, std, seed }, dtype) => locationScale(standardise(boxMuller(n, xoshiro(seed).uniform)), mean, std, dtype) },
};
