// Bug: the calibration range is not widened to contain 0 (0 is then not exactly representable).
import { entry, rounder, rhe, clamp } from './_quant.mjs';
export const meta = { op: 'quant.affine-params', kind: 'bug', class: 'range', description: 's = (x_max − x_min)/(q_max − q_min) and z from x_min without widening the range to 0' };
function affineParams({ xmin, xmax, qmin, qmax }, d) {
  const r = rounder(d);
  const s = r(r(r(xmax) - r(xmin)) / (qmax - qmin));
  if (s === 0) return { scale: 1, zeroPoint: 0 };
  return { scale: s, zeroPoint: clamp(qmin - rhe(r(r(xmin) / s)), qmin, qmax) };
}
export default entry('bug-params-not-widened', { 'quant.affine-params': affineParams });
