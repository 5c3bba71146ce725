// Bug: the zero point is not rounded but truncated (an int cast of q_min − lo/s).
import { entry, rounder, clamp } from './_quant.mjs';
export const meta = { op: 'quant.affine-params', kind: 'bug', class: 'zero point', description: 'z = clamp(trunc(q_min − lo/s)) instead of rounding lo/s' };
function affineParams({ xmin, xmax, qmin, qmax }, d) {
  const r = rounder(d);
  const lo = Math.min(r(xmin), 0), hi = Math.max(r(xmax), 0);
  const s = r(r(hi - lo) / (qmax - qmin));
  if (s === 0) return { scale: 1, zeroPoint: 0 };
  return { scale: s, zeroPoint: clamp(Math.trunc(r(qmin - r(lo / s))), qmin, qmax) };
}
export default entry('bug-params-zero-point-truncated', { 'quant.affine-params': affineParams });
