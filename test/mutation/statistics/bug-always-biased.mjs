// Bug: ignores `correction` and always divides by n (the biased variance where S² is asked for).
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'bug', class: 'convention', description: 'divides by n whatever the correction' };
function variance({ x, correction }, r) {
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  let s = 0;
  for (const v of x) s = r(s + v);
  const m = r(s / n);
  let ss = 0;
  for (const v of x) { const d = r(v - m); ss = r(ss + r(d * d)); }
  return r(ss / n);
}
export default { name: 'bug-variance-always-biased', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a, dtype) => variance(a, round(dtype)) } };
