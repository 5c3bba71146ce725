// Bug (the notes' worked example): the unsigned zero-point formula z = round(−x_min/s) with a signed range.
import { entry, rounder, rhe, clamp } from './_quant.mjs';
export const meta = { op: 'quant.affine-params', kind: 'bug', class: 'zero point', description: 'z = round(−lo/s) ignoring q_min (correct only for unsigned ranges)' };
function affineParams({ xmin, xmax, qmin, qmax }, d) {
  const r = rounder(d);
  const lo = Math.min(r(xmin), 0), hi = Math.max(r(xmax), 0);
  const s = r(r(hi - lo) / (qmax - qmin));
  if (s === 0) return { scale: 1, zeroPoint: 0 };
  return { scale: s, zeroPoint: clamp(rhe(r(-lo / s)), qmin, qmax) };
}
export default entry('bug-params-unsigned-zero-point', { 'quant.affine-params': affineParams });
