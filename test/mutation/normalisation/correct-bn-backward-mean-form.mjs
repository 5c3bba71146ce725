// Correct: dx = γ·invstd·(dy − mean(dy) − x̂·mean(dy·x̂)), moments by Welford.
import { bnBackward } from './_bn.mjs';
import { welford } from './_common.mjs';
export const meta = { op: 'bn.backward', kind: 'correct', class: 'standard algorithm', description: 'mean form with Welford moments' };
function meanForm(c, dy, g, inv, N, r) {
  const xh = c.map((cn) => r(cn * inv));
  let sum = 0, dg = 0;
  for (let n = 0; n < N; n++) { sum = r(sum + dy[n]); dg = r(dg + r(dy[n] * xh[n])); }
  const mdy = r(sum / N), mdx = r(dg / N), gi = r(g * inv);
  return { dx: dy.map((d, n) => r(gi * r(r(d - mdy) - r(xh[n] * mdx)))), dgamma: dg, dbeta: sum };
}
export default { name: 'zoo-bn-backward-mean-form', dtypes: ['float32', 'float64'], ops: { 'bn.backward': (a, dtype) => bnBackward(a, dtype, meanForm, { moments: (x, r) => welford(x, r) }) } };
