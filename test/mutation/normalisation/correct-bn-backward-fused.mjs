// Correct: the closed form with the coefficient first: dx = (γ·invstd/N)·(N·dy − Σdy − x̂·Σ(dy·x̂)).
import { bnBackward } from './_bn.mjs';
export const meta = { op: 'bn.backward', kind: 'correct', class: 'standard algorithm', description: 'fused closed form, γ·invstd/N computed first' };
function fused(c, dy, g, inv, N, r) {
  const xh = c.map((cn) => r(cn * inv));
  let sum = 0, dg = 0;
  for (let n = 0; n < N; n++) { sum = r(sum + dy[n]); dg = r(dg + r(dy[n] * xh[n])); }
  const coef = r(r(g * inv) / N);
  return { dx: dy.map((d, n) => r(coef * r(r(r(N * d) - sum) - r(xh[n] * dg)))), dgamma: dg, dbeta: sum };
}
export default { name: 'zoo-bn-backward-fused', dtypes: ['float32', 'float64'], ops: { 'bn.backward': (a, dtype) => bnBackward(a, dtype, fused) } };
