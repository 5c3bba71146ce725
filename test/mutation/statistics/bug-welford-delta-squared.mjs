// Bug: Welford with S += δ² (the old deviation squared) instead of δ·(x − M_new): overestimates by the factor k/(k − 1) per step.
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'bug', class: 'wrong update', description: 'Welford S += (x − M_old)² instead of (x − M_old)(x − M_new)' };
function variance({ x, correction }, r) {
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  let m = x[0], s = 0;
  for (let k = 2; k <= n; k++) {
    const v = x[k - 1];
    const d = r(v - m);
    m = r(m + r(d / k));
    s = r(s + r(d * d));
  }
  return r(s / (n - correction));
}
export default { name: 'bug-variance-welford-delta-squared', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a, dtype) => variance(a, round(dtype)) } };
