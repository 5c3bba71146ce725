// Bug: the unbiased variance (divide by D − 1) where layer norm uses the biased 1/D one.
import { round, twoPass } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'bug', class: 'convention', description: 'variance divided by D − 1' };
function ln({ x, gamma, beta, eps }, r) {
  return x.map((row) => {
    const { mean, variance } = twoPass(row, r, Math.max(row.length - 1, 1));
    const s = r(Math.sqrt(r(variance + eps)));
    return row.map((v, i) => r(r(gamma[i] * r(r(v - mean) / s)) + beta[i]));
  });
}
export default { name: 'bug-layernorm-unbiased-variance', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a, dtype) => ln(a, round(dtype)) } };
