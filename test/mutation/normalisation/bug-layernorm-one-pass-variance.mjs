// Bug: one-pass variance E[x²] − μ² (clamped at 0), as "fast variance" kernels do; catastrophic cancellation on offset rows.
import { round } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'bug', class: 'cancellation', description: 'σ² = max(E[x²] − μ², 0)' };
function ln({ x, gamma, beta, eps }, r) {
  return x.map((row) => {
    let s = 0, q = 0;
    for (const v of row) { s = r(s + v); q = r(q + r(v * v)); }
    const mean = r(s / row.length);
    const variance = Math.max(r(r(q / row.length) - r(mean * mean)), 0);
    const s2 = r(Math.sqrt(r(variance + eps)));
    return row.map((v, i) => r(r(gamma[i] * r(r(v - mean) / s2)) + beta[i]));
  });
}
export default { name: 'bug-layernorm-one-pass-variance', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a, dtype) => ln(a, round(dtype)) } };
