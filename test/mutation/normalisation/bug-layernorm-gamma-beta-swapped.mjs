// Bug: γ and β swapped (y = β·x̂ + γ).
import { round, twoPass } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'bug', class: 'wrong argument', description: 'γ and β swapped' };
function ln({ x, gamma, beta, eps }, r) {
  return x.map((row) => {
    const { mean, variance } = twoPass(row, r);
    const s = r(Math.sqrt(r(variance + eps)));
    return row.map((v, i) => r(r(beta[i] * r(r(v - mean) / s)) + gamma[i]));
  });
}
export default { name: 'bug-layernorm-gamma-beta-swapped', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a, dtype) => ln(a, round(dtype)) } };
