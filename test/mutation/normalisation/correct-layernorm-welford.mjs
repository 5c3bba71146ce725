// Correct: Welford moments, rstd = 1/√(σ² + ε), (x − μ)·rstd·γ + β.
import { round, welford } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'correct', class: 'standard algorithm', description: 'Welford moments, rstd = 1/√(σ² + ε), (x − μ)·rstd·γ + β' };
function ln({ x, gamma, beta, eps }, r) {
  return x.map((row) => {
    const { mean, variance } = welford(row, r);
    const rstd = r(1 / r(Math.sqrt(r(variance + eps))));
    return row.map((v, i) => r(r(r(r(v - mean) * rstd) * gamma[i]) + beta[i]));
  });
}
export default { name: 'zoo-layernorm-welford', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a, dtype) => ln(a, round(dtype)) } };
