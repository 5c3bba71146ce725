// Bug: the notes' formula (002:32) as written: w ← (1 − 2ησ)w + 2ησy (σ where σ² belongs).
import { rounder } from './_gd.mjs';
export const meta = { op: 'opt.gd-steps', kind: 'bug', class: 'wrong formula', description: '(1 − 2ησ)w + 2ησy (the notes’ typo)' };
function gd({ sigma, y, w0, eta, steps }, r) {
  return sigma.map((s, i) => { let w = w0[i]; for (let t = 0; t < steps; t++) w = r(r(r(1 - r(2 * eta * s)) * w) + r(r(2 * eta * s) * y[i])); return w; });
}
export default { name: 'bug-gd-notes-sigma', dtypes: ['float32', 'float64'], ops: { 'opt.gd-steps': (a, dtype) => gd(a, rounder(dtype)) } };
