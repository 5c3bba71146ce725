// Bug: dγ = Σ dy·(x − μ) (forgot the division by s).
import { bnBackward, staged } from './_bn.mjs';
export const meta = { op: 'bn.backward', kind: 'bug', class: 'missing factor', description: 'dγ without the 1/√(σ² + ε) factor' };
function form(c, dy, g, inv, N, r) {
  const ok = staged(c, dy, g, inv, N, r);
  let dotp = 0;
  for (let n = 0; n < N; n++) dotp = r(dotp + r(c[n] * dy[n]));
  return { ...ok, dgamma: dotp };
}
export default { name: 'bug-bn-backward-dgamma-unnormalised', dtypes: ['float32', 'float64'], ops: { 'bn.backward': (a, dtype) => bnBackward(a, dtype, form) } };
