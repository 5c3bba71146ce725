// Bug: serves float64 but computes (two-pass) in float32.
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'bug', class: 'precision', description: 'float64 requests computed in float32' };
function variance({ x, correction }) {
  const r = round('float32');
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  const xs = x.map(r);
  let s = 0;
  for (const v of xs) s = r(s + v);
  const m = r(s / n);
  let ss = 0;
  for (const v of xs) { const d = r(v - m); ss = r(ss + r(d * d)); }
  return r(ss / (n - correction));
}
export default { name: 'bug-variance-float32-in-float64', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a) => variance(a) } };
