// Bug: divides the range by the number of levels, q_max − q_min + 1, instead of the number of steps.
import { entry, rounder, rhe, clamp } from './_quant.mjs';
export const meta = { op: 'quant.affine-params', kind: 'bug', class: 'scale', description: 's = (max − min)/(q_max − q_min + 1)' };
function affineParams({ xmin, xmax, qmin, qmax }, d) {
  const r = rounder(d);
  const lo = Math.min(r(xmin), 0), hi = Math.max(r(xmax), 0);
  const s = r(r(hi - lo) / (qmax - qmin + 1));
  if (s === 0) return { scale: 1, zeroPoint: 0 };
  return { scale: s, zeroPoint: clamp(qmin - rhe(r(lo / s)), qmin, qmax) };
}
export default entry('bug-params-scale-plus-one', { 'quant.affine-params': affineParams });
