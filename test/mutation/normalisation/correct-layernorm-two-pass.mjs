// Correct: two-pass moments, divide (x − μ) by √(σ² + ε), then γ·x̂ + β (TensorFlow's order).
import { round, twoPass } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'correct', class: 'standard algorithm', description: 'two-pass moments, (x − μ)/√(σ² + ε)·γ + β' };
function ln({ x, gamma, beta, eps }, r) {
  return x.map((row) => {
    const { mean, variance } = twoPass(row, r);
    const s = r(Math.sqrt(r(variance + eps)));
    return row.map((v, i) => r(r(gamma[i] * r(r(v - mean) / s)) + beta[i]));
  });
}
export default { name: 'zoo-layernorm-two-pass', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a, dtype) => ln(a, round(dtype)) } };
