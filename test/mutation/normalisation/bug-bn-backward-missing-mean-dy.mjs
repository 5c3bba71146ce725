// Bug: the mean path is dropped: dx = γ·invstd·(dy − x̂·mean(dy·x̂)).
import { bnBackward, staged } from './_bn.mjs';
export const meta = { op: 'bn.backward', kind: 'bug', class: 'missing term', description: 'missing −mean(dy) term' };
function form(c, dy, g, inv, N, r) {
  const ok = staged(c, dy, g, inv, N, r);
  let dotp = 0;
  for (let n = 0; n < N; n++) dotp = r(dotp + r(c[n] * dy[n]));
  const k = r(r(r(dotp * inv) * inv) / N);
  return { ...ok, dx: c.map((cn, n) => r(r(r(dy[n] - r(cn * k)) * inv) * g)) };
}
export default { name: 'bug-bn-backward-missing-mean-dy', dtypes: ['float32', 'float64'], ops: { 'bn.backward': (a, dtype) => bnBackward(a, dtype, form) } };
