// Bug: serves float64 but computes in float32.
import { round, twoPass } from './_common.mjs';
export const meta = { op: 'norm.layernorm', kind: 'bug', class: 'precision', description: 'float64 requests computed in float32' };
function ln({ x, gamma, beta, eps }) {
  const r = round('float32');
  return x.map((row0) => {
    const row = row0.map(r);
    const { mean, variance } = twoPass(row, r);
    const s = r(Math.sqrt(r(variance + r(eps))));
    return row.map((v, i) => r(r(r(gamma[i]) * r(r(v - mean) / s)) + r(beta[i])));
  });
}
export default { name: 'bug-layernorm-float32-in-float64', dtypes: ['float32', 'float64'], ops: { 'norm.layernorm': (a) => ln(a) } };
