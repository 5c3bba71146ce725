// Bug: the one-pass textbook formula E[x²] − E[x]² (catastrophic cancellation on offset data).
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'bug', class: 'cancellation', description: 'one-pass (Σx² − (Σx)²/n)/(n − c)' };
function variance({ x, correction }, r) {
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  let s = 0, q = 0;
  for (const v of x) { s = r(s + v); q = r(q + r(v * v)); }
  return r(r(q - r(r(s * s) / n)) / (n - correction));
}
export default { name: 'bug-variance-one-pass', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a, dtype) => variance(a, round(dtype)) } };
