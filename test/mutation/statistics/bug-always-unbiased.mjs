// Bug: ignores `correction` and always divides by n − 1.
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'bug', class: 'convention', description: 'divides by n − 1 whatever the correction' };
function variance({ x, correction }, r) {
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  let s = 0;
  for (const v of x) s = r(s + v);
  const m = r(s / n);
  let ss = 0;
  for (const v of x) { const d = r(v - m); ss = r(ss + r(d * d)); }
  return n === 1 ? 0 : r(ss / (n - 1));
}
export default { name: 'bug-variance-always-unbiased', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a, dtype) => variance(a, round(dtype)) } };
