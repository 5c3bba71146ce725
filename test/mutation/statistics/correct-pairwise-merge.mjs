// Correct: PyTorch-style cascade — Welford within 8 interleaved lanes (SIMD), lanes merged pairwise
// with Chan's formula (δ = M_B − M_A, M += δ·n_B/n, S += S_B + δ²·n_A·n_B/n), multiply by 1/(n − c).
import { round, nanIfEmpty } from './_round.mjs';
export const meta = { op: 'stats.variance', kind: 'correct', class: 'standard algorithm', description: 'Welford per SIMD lane, lanes merged pairwise (Chan), reciprocal of n − correction' };
function merge(a, b, r) {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const c = r(b.n / n);
  const d = r(b.m - a.m);
  return { n, m: r(a.m + r(d * c)), s: r(r(a.s + b.s) + r(r(r(d * d) * a.n) * c)) };
}
function variance({ x, correction }, r) {
  const n = x.length;
  if (nanIfEmpty(n, correction)) return NaN;
  const L = 8;
  let lanes = Array.from({ length: L }, () => ({ n: 0, m: 0, s: 0 }));
  for (let i = 0; i < n; i++) {
    const l = lanes[i % L];
    const v = x[i];
    l.n += 1;
    const d = r(v - l.m);
    l.m = r(l.m + r(d * r(1 / l.n)));
    l.s = r(l.s + r(d * r(v - l.m)));
  }
  while (lanes.length > 1) {
    const next = [];
    for (let i = 0; i < lanes.length; i += 2) next.push(merge(lanes[i], lanes[i + 1] ?? { n: 0, m: 0, s: 0 }, r));
    lanes = next;
  }
  return r(lanes[0].s * r(1 / (n - correction)));
}
export default { name: 'zoo-variance-pairwise-merge', dtypes: ['float32', 'float64'], ops: { 'stats.variance': (a, dtype) => variance(a, round(dtype)) } };
