// Correct: the zero point from the unwidened x_min, clamped (for x_min > 0 the clamp gives q_min, as widening does).
import { entry, rounder, rhe, clamp } from './_quant.mjs';
export const meta = { op: 'quant.affine-params', kind: 'correct', class: 'standard algorithm', description: 'scale from the widened range, zero point clamp(qmin − round(x_min/s)) with the raw x_min' };
function affineParams({ xmin, xmax, qmin, qmax }, dtype) {
  const r = rounder(dtype);
  const lo = Math.min(r(xmin), 0), hi = Math.max(r(xmax), 0);
  const s = r(r(hi - lo) / (qmax - qmin));
  if (s === 0) return { scale: 1, zeroPoint: 0 };
  return { scale: s, zeroPoint: clamp(qmin - rhe(r(r(xmin) / s)), qmin, qmax) };
}
export default entry('zoo-quant-raw-xmin', { 'quant.affine-params': affineParams });
