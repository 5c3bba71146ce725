// Bug: ε added to the standard deviation instead of the variance: (x − μ)/(σ + ε) (the notes' convention B).
import { round, twoPass } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'bug', class: 'convention', description: 'ε outside the square root: (x − μ)/(σ + ε)' };
function ln({ x, gamma, beta, eps }, r) {
  return x.map((row) => {
    const { mean, variance } = twoPass(row, r);
    const s = r(r(Math.sqrt(variance)) + eps);
    return row.map((v, i) => r(r(gamma[i] * r(r(v - mean) / s)) + beta[i]));
  });
}
export default { name: 'bug-layernorm-eps-outside-sqrt', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a, dtype) => ln(a, round(dtype)) } };
