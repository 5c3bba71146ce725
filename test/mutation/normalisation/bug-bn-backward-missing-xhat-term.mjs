// Bug: the variance path is dropped: dx = γ·invstd·(dy − mean(dy)) (the notes' simplified formula with r = γ/s).
import { bnBackward, staged } from './_bn.mjs';
export const meta = { op: 'bn.backward', kind: 'bug', class: 'missing term', description: 'missing −x̂·mean(dy·x̂) term' };
function form(c, dy, g, inv, N, r) {
  const ok = staged(c, dy, g, inv, N, r);
  const gm = r(ok.dbeta / N);
  return { ...ok, dx: dy.map((d) => r(r(r(d - gm) * inv) * g)) };
}
export default { name: 'bug-bn-backward-missing-xhat-term', dtypes: ['float32', 'float64'], ops: { 'bn.backward': (a, dtype) => bnBackward(a, dtype, form) } };
