// Correct: Welford's one-pass update in the request dtype.
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'correct', class: 'standard algorithm', description: "Welford: M += (x − M)/k, S += (x − M_old)(x − M_new)" };
function variance({ x, correction }, r) {
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  let m = 0, s = 0;
  for (let k = 1; k <= n; k++) {
    const v = x[k - 1];
    const d = r(v - m);
    m = r(m + r(d / k));
    s = r(s + r(d * r(v - m)));
  }
  return r(s / (n - correction));
}
export default { name: 'zoo-variance-welford', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a, dtype) => variance(a, round(dtype)) } };
