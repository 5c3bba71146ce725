// Correct: two-pass variance in the request dtype (mean, then the sum of squared deviations).
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'correct', class: 'standard algorithm', description: 'two-pass: mean, then Σ(x − mean)², divide by n − correction' };
function variance({ x, correction }, r) {
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  let s = 0;
  for (const v of x) s = r(s + v);
  const m = r(s / n);
  let ss = 0;
  for (const v of x) { const d = r(v - m); ss = r(ss + r(d * d)); }
  return r(ss / (n - correction));
}
export default { name: 'zoo-variance-two-pass', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a, dtype) => variance(a, round(dtype)) } };
