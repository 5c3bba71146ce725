// Bug: normalises over the batch axis (columns) instead of the feature axis (rows).
import { round, twoPass, column } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'bug', class: 'wrong axis', description: 'moments over axis 0 (N) instead of the last axis (D)' };
function ln({ x, gamma, beta, eps }, r) {
  const D = x[0].length;
  const stats = Array.from({ length: D }, (_, j) => twoPass(column(x, j), r));
  return x.map((row) => row.map((v, i) => {
    const s = r(Math.sqrt(r(stats[i].variance + eps)));
    return r(r(gamma[i] * r(r(v - stats[i].mean) / s)) + beta[i]);
  }));
}
export default { name: 'bug-layernorm-wrong-axis', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a, dtype) => ln(a, round(dtype)) } };
