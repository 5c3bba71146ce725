// Bug: zero point q_min − round(x_min/s) from the raw x_min, not clamped (for x_min > 0 it falls below q_min).
import { entry, rounder, rhe } from './_quant.mjs';
export const meta = { op: 'quant.affine-params', kind: 'bug', class: 'zero point', description: 'zero point computed from the raw x_min and not clamped to [q_min, q_max]' };
function affineParams({ xmin, xmax, qmin, qmax }, d) {
  const r = rounder(d);
  const lo = Math.min(r(xmin), 0), hi = Math.max(r(xmax), 0);
  const s = r(r(hi - lo) / (qmax - qmin));
  if (s === 0) return { scale: 1, zeroPoint: 0 };
  return { scale: s, zeroPoint: qmin - rhe(r(r(xmin) / s)) };
}
export default entry('bug-params-zero-point-unclamped', { 'quant.affine-params': affineParams });
