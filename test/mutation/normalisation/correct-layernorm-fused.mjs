// Correct: PyTorch CPU's form — moments by Welford in 8 interleaved lanes merged pairwise (RowwiseMoments),
// rstd = 1/√(σ² + ε), scale = rstd, bias = −μ·rstd, y = (x·scale + bias)·γ + β.
import { round } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'correct', class: 'standard algorithm', description: 'PyTorch-style: lane-wise Welford merged pairwise, y = (x·rstd − μ·rstd)·γ + β' };
function merge(a, b, r) {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n, c = r(b.n / n), d = r(b.m - a.m);
  return { n, m: r(a.m + r(c * d)), s: r(a.s + r(b.s + r(r(r(d * d) * c) * a.n))) };
}
function moments(row, r) {
  let lanes = Array.from({ length: 8 }, () => ({ n: 0, m: 0, s: 0 }));
  row.forEach((v, i) => {
    const l = lanes[i % 8];
    l.n += 1;
    const d = r(v - l.m);
    l.m = r(l.m + r(d * r(1 / l.n)));
    l.s = r(l.s + r(d * r(v - l.m)));
  });
  while (lanes.length > 1) {
    const next = [];
    for (let i = 0; i < lanes.length; i += 2) next.push(merge(lanes[i], lanes[i + 1], r));
    lanes = next;
  }
  return { mean: lanes[0].m, variance: r(lanes[0].s / row.length) };
}
function ln({ x, gamma, beta, eps }, r) {
  return x.map((row) => {
    const { mean, variance } = moments(row, r);
    const rstd = r(1 / r(Math.sqrt(r(Math.max(variance, 0) + eps))));
    const bias = r(-rstd * mean);
    return row.map((v, i) => r(r(r(r(v * rstd) + bias) * gamma[i]) + beta[i]));
  });
}
export default { name: 'zoo-layernorm-pytorch-fused', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a, dtype) => ln(a, round(dtype)) } };
