// Bug: off-by-one in the mean loop (the last element is left out of the sum, still divided by n).
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'bug', class: 'off-by-one', description: 'mean = Σ_{i<n−1} x_i / n' };
function variance({ x, correction }, r) {
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  let s = 0;
  for (let i = 0; i < n - 1; i++) s = r(s + x[i]);
  const m = r(s / n);
  let ss = 0;
  for (const v of x) { const d = r(v - m); ss = r(ss + r(d * d)); }
  return r(ss / (n - correction));
}
export default { name: 'bug-variance-mean-skips-last', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a, dtype) => variance(a, round(dtype)) } };
