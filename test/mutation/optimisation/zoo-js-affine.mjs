// Correct: the affine form w ← (1 − 2ησ²)w + 2ησy with both constants hoisted, in the request dtype.
import { rounder } from './_gd.mjs';
export const meta = { op: 'opt.gd-steps', kind: 'correct', class: 'affine form', description: '(1 − 2ησ²)w + 2ησy, constants computed once, in the dtype' };
function gd({ sigma, y, w0, eta, steps }, r) {
  return sigma.map((s, i) => {
    const a = r(1 - r(r(2 * eta) * r(s * s))), b = r(r(r(2 * eta) * s) * y[i]);
    let w = w0[i];
    for (let t = 0; t < steps; t++) w = r(r(a * w) + b);
    return w;
  });
}
export default { name: 'zoo-gd-js-affine', dtypes: ['float32', 'float64'], ops: { 'opt.gd-steps': (a, dtype) => gd(a, rounder(dtype)) } };
